import type { RequestHandler } from 'express';
import type { LimitsConfig } from '../config';
import { LimitError } from '../errors';
import { checkSource } from '../limits/checkSource';
import { errorBody } from './jsonErrors';

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
