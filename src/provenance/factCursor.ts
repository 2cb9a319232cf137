import { InputError } from '../errors';

/**
 * The cursor of a fact in its page order: the sort key of the item (`[name, id]` of a node,
 * `[type, start id, end id]` of a relationship), so the next page starts right after it in the
 * database (a keyset, not an offset: a page never reads the pages before it).
 */
export function encodeFactCursor(kind: 'node' | 'relationship', key: readonly string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64');
}

/** Decodes a cursor of `encodeFactCursor` of the same kind into its key; BAD_USER_INPUT for anything else. */
export function decodeFactCursor(kind: 'node' | 'relationship', cursor: string): string[] {
  const size = kind === 'node' ? 2 : 3;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== size + 1 || parsed[0] !== kind || !parsed.slice(1).every((x) => typeof x === 'string')) {
    throw new InputError(`after must be the cursor of a ${kind} from a previous page of these facts, got "${cursor.slice(0, 100)}"`, { argument: 'after' });
  }
  return parsed.slice(1) as string[];
}
