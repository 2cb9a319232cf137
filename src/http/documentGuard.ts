import type { RequestHandler } from 'express';
import type { LimitsConfig } from '../config';
import { LimitError } from '../errors';
import { checkSource } from '../limits/checkSource';
import { errorBody } from './jsonErrors';

/** Deepest nesting of lists and objects in `variables` (no input type of the schema nests deeper than 3). */
export const MAX_VARIABLE_DEPTH = 16;

/** How deep `value` nests objects and lists, counting at most up to `stopAt` (so a hostile value costs little). */
export function nestingDepth(value: unknown, stopAt: number): number {
  if (value === null || typeof value !== 'object' || stopAt <= 0) return 0;
  let deepest = 0;
  for (const v of Object.values(value as Record<string, unknown>)) {
    deepest = Math.max(deepest, nestingDepth(v, stopAt - 1));
    if (deepest >= stopAt - 1) break;
  }
  return 1 + deepest;
}

/** A stand-in for variables too deep to parse: deeper than the limit. */
function deeplyNested(): unknown {
  let v: unknown = null;
  for (let i = 0; i <= MAX_VARIABLE_DEPTH; i++) v = [v];
  return v;
}

/**
 * Refuses a GraphQL document that is too large or has too many tokens before Apollo parses it,
 * with the limit and the exact value found (HTTP 400). Covers POST bodies and GET query strings.
 */
export function documentGuard(limits: Pick<LimitsConfig, 'maxDocumentBytes' | 'maxTokens'>): RequestHandler {
  return (req, res, next) => {
    const body = req.body as unknown;
    const text =
      req.method === 'GET'
        ? req.query.query
        : body && typeof body === 'object' && !Array.isArray(body)
          ? (body as { query?: unknown }).query
          : undefined;
    let variables = body && typeof body === 'object' && !Array.isArray(body) ? (body as { variables?: unknown }).variables : undefined;
    if (req.method === 'GET' && typeof req.query.variables === 'string') {
      try {
        variables = JSON.parse(req.query.variables);
      } catch (e) {
        // Not JSON: Apollo names that. Nested so deep that parsing overflows the stack: refused below.
        variables = e instanceof RangeError ? deeplyNested() : undefined;
      }
    }
    if (nestingDepth(variables, MAX_VARIABLE_DEPTH + 1) > MAX_VARIABLE_DEPTH) {
      res.status(400).json(errorBody(`The variables nest deeper than ${MAX_VARIABLE_DEPTH} levels; no input type of this API does.`, 'BAD_REQUEST', { limit: MAX_VARIABLE_DEPTH }));
      return;
    }
    if (typeof text !== 'string') {
      next();
      return;
    }
    try {
      checkSource(text, limits);
      next();
    } catch (e) {
      if (!(e instanceof LimitError)) throw e;
      res.status(400).json(errorBody(e.message, e.code, e.details));
    }
  };
}
