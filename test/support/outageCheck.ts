/** One error of a GraphQL answer as a client sees it. */
export interface AnswerError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: unknown } & Record<string, unknown>;
}

/** A GraphQL answer over HTTP: its status and its body (status 0 when no answer came). */
export interface HttpAnswer {
  readonly status: number;
  readonly body: { readonly data?: unknown; readonly errors?: readonly AnswerError[] } | undefined;
}

/** The codes an answer may carry while Neo4j is down or frozen. */
export const OUTAGE_CODES: readonly string[] = ['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT', 'RATE_LIMITED'];

const pathText = (path: readonly (string | number)[]): string => (path.length === 0 ? '(root)' : path.join('.'));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with an answer given during an outage, against the calm answer of the same query
 * (`baseline`, the `data` of an answer without errors): an outage may only fail an answer, never
 * change it. So every error carries one of `allowedCodes` (never NOT_FOUND: every id asked for
 * exists); an answer whose errors are all SERVICE_UNAVAILABLE has HTTP status 503, one without
 * errors 200; and wherever `data` holds a value, it equals the baseline at that path: a list is
 * whole or replaced by null with an error at or below its path, never shorter, and a nullable field
 * (`node(id)`, `source(id)`) is never null without an error, which would claim the id unknown.
 * Returns one line per problem; none for a good answer.
 */
export function outageViolations(answer: HttpAnswer, baseline: unknown, allowedCodes: readonly string[] = OUTAGE_CODES): string[] {
  if (answer.status === 0 || answer.body === undefined) return [`no GraphQL answer (HTTP ${answer.status})`];
  const out: string[] = [];
  const errors = answer.body.errors ?? [];
  for (const e of errors) {
    const code = String(e.extensions?.code);
    if (code === 'NOT_FOUND') out.push(`NOT_FOUND at ${pathText(e.path ?? [])} for an id that exists: ${e.message}`);
    else if (!allowedCodes.includes(code)) out.push(`${code} at ${pathText(e.path ?? [])}: ${e.message}`);
  }
  const unavailableOnly = errors.length > 0 && errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  if (unavailableOnly && answer.status !== 503) out.push(`HTTP ${answer.status} for an answer of SERVICE_UNAVAILABLE only (503 expected)`);
  if (errors.length === 0 && answer.status !== 200) out.push(`HTTP ${answer.status} for an answer without errors`);

  const failedAtOrBelow = (path: readonly (string | number)[]): boolean =>
    errors.some((e) => e.path !== undefined && path.every((k, i) => e.path?.[i] === k));
  const compare = (actual: unknown, base: unknown, path: (string | number)[]): void => {
    if (actual === null || actual === undefined) {
      if (base === null) return;
      if (actual === undefined) out.push(`${pathText(path)} is missing (the baseline has ${preview(base)})`);
      else if (!failedAtOrBelow(path)) out.push(`${pathText(path)} is null without an error at or below it (the baseline has ${preview(base)})`);
      return;
    }
    if (Array.isArray(base)) {
      if (!Array.isArray(actual)) out.push(`${pathText(path)} is ${preview(actual)}, the baseline a list of ${base.length}`);
      else if (actual.length !== base.length) out.push(`${pathText(path)} has ${actual.length} items, the baseline ${base.length}`);
      else base.forEach((b, i) => compare(actual[i], b, [...path, i]));
      return;
    }
    if (isObject(base)) {
      if (!isObject(actual)) {
        out.push(`${pathText(path)} is ${preview(actual)}, the baseline an object`);
        return;
      }
      for (const key of new Set([...Object.keys(base), ...Object.keys(actual)])) compare(actual[key], base[key] === undefined ? null : base[key], [...path, key]);
      return;
    }
    if (actual !== base) out.push(`${pathText(path)} is ${preview(actual)}, the baseline ${preview(base)}`);
  };
  const data = answer.body.data;
  if (data === null || data === undefined) {
    if (errors.length === 0) out.push('neither data nor errors');
  } else {
    compare(data, baseline, []);
  }
  return out;
}

function preview(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
