import { ApiError } from '../shared/graphqlClient';
import { h, table } from './dom';

/** Whether the API refused the token (expired, revoked, not of the issuer): sign in again. */
export function isSignInExpired(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.status === 401);
}

/** Plain text of a refusal: "message (CODE)". */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}

interface Problem {
  line?: number;
  column?: number;
  field?: string;
  message?: string;
}

/** The `extensions.problems` of a refusal, when it has them. */
function problemsOf(err: ApiError): Problem[] {
  const p = err.extensions.problems;
  return Array.isArray(p) ? p.filter((x): x is Problem => typeof x === 'object' && x !== null) : [];
}

/** A problem list as a table: line and column when the problems have them (imports), else field and message. */
export function problemsTable(problems: readonly Problem[], id?: string): HTMLTableElement {
  const located = problems.some((p) => p.line !== undefined);
  return located
    ? table({ id, class: 'problems' }, ['Line', 'Column', 'Field', 'Problem'], problems.map((p) => [String(p.line ?? ''), String(p.column ?? ''), p.field ?? '', p.message ?? '']))
    : table({ id, class: 'problems' }, ['Field', 'Problem'], problems.map((p) => [p.field ?? '', p.message ?? '']));
}

const HINTS: Record<string, string> = {
  FORBIDDEN: 'The API refused this: your sign-in does not allow it.',
  BAD_USER_INPUT: 'The API refused this input; nothing was written.',
  CONFLICT: 'What this changes moved meanwhile; reload and look again.',
  RATE_LIMITED: 'Too many writes in a short time.',
  UNAUTHENTICATED: 'Your sign-in expired; sign in again.',
  NOT_FOUND: 'An id does not exist.',
};

/** A refused write as an alert: what the API said, its code, and the problems it listed. */
export function errorView(err: unknown): HTMLElement {
  if (!(err instanceof ApiError)) return h('div', { class: 'refused', role: 'alert' }, h('strong', {}, 'Failed: '), errorText(err));
  const problems = problemsOf(err);
  const retry = typeof err.extensions.retryAfterSeconds === 'number' ? ` Try again in ${err.extensions.retryAfterSeconds} s.` : '';
  return h(
    'div',
    { class: 'refused', role: 'alert', 'data-code': err.code },
    h('p', {}, h('strong', {}, `Refused (${err.code}): `), HINTS[err.code] ? `${HINTS[err.code]}${retry}` : retry.trim()),
    h('p', { class: 'message' }, err.message),
    problems.length > 0 ? problemsTable(problems) : null,
  );
}
