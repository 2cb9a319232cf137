import { InputError } from '../errors';
import { NODE_LABELS } from '../model';

/** Throws BAD_USER_INPUT when `value` lies outside `min..max`, restating the rule and the value. */
export function checkRange(name: string, value: number | null | undefined, min: number, max: number, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) throw new InputError(`${name} must be from ${min} to ${max}, got ${v}`, { argument: name });
  return v;
}

/** Checks label names given by clients (search types, ...). */
export function checkLabels(name: string, labels: readonly string[] | null | undefined): string[] | null {
  if (!labels || labels.length === 0) return null;
  const unknown = labels.filter((l) => !(NODE_LABELS as readonly string[]).includes(l));
  if (unknown.length > 0) throw new InputError(`${name} must be labels of the graph (${NODE_LABELS.join(', ')}), got ${unknown.join(', ')}`, { argument: name });
  return [...labels];
}

// The offset cursors of every paged list (src/engine/paging.ts), here for the importers of this module.
export { decodeCursor, encodeCursor } from '../engine/paging';

/** Longest search text and most words a search may have. */
export const SEARCH_MAX_CHARS = 200;
export const SEARCH_MAX_TERMS = 16;

/**
 * Turns user text into a Lucene query that always searches, never fails to parse: every word is
 * escaped (special characters, and the operators AND, OR, NOT, TO as plain words), words are
 * combined with OR (the best matches score highest), a single word also as a prefix.
 */
export function luceneQuery(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('text must not be empty', { argument: 'text' });
  if (trimmed.length > SEARCH_MAX_CHARS) throw new InputError(`text must have at most ${SEARCH_MAX_CHARS} characters, got ${trimmed.length}`, { argument: 'text' });
  const words = trimmed.split(/\s+/u).filter((w) => w !== '');
  if (words.length > SEARCH_MAX_TERMS) throw new InputError(`text must have at most ${SEARCH_MAX_TERMS} words, got ${words.length}`, { argument: 'text' });
  const escape = (w: string): string => (/^(AND|OR|NOT|TO)$/.test(w) ? w.toLowerCase() : w).replace(/([+\-!(){}[\]^"~*?:\\/&|])/g, '\\$1');
  const [only] = words;
  if (words.length === 1 && only !== undefined && /^[\p{L}\p{N}]+$/u.test(only)) return `${escape(only)} OR ${escape(only)}*`;
  return words.map(escape).join(' ');
}

/** A model value as a GraphQL enum value: enum values use "_" where the model's values use "-". */
export function toGraphQLEnum(v: unknown): string | null {
  return typeof v === 'string' ? v.replace(/-/g, '_') : null;
}

/** A GraphQL enum value as the model's value. */
export function fromGraphQLEnum(v: string): string {
  return v.replace(/_/g, '-');
}
