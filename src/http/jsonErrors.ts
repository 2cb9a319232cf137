import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';

/** A GraphQL-over-HTTP error body: `{ errors: [{ message, extensions: { code, ... } }] }`. */
export function errorBody(message: string, code: string, extra: Record<string, unknown> = {}): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

/**
 * Turns every error that reaches Express (the JSON body parser's above all) into a JSON error body
 * with a code and no internals: malformed JSON 400, too large 413, unsupported charset or encoding
 * 415, anything else 500 (logged with its stack).
 */
export function jsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = (err ?? {}) as { type?: string; status?: number; limit?: number; length?: number; charset?: string; encoding?: string };
    let status = 500;
    let body;
    switch (e.type) {
      case 'entity.parse.failed':
        status = 400;
        body = errorBody('The request body is not valid JSON. Send {"query": "...", "variables": {...}} with content-type application/json.', 'BAD_REQUEST');
        break;
      case 'entity.too.large':
        status = 413;
        body = errorBody(`The request body has ${e.length ?? 'more than the allowed'} bytes; the limit is ${e.limit} (BODY_MAX_BYTES).`, 'PAYLOAD_TOO_LARGE', { limit: e.limit, found: e.length });
        break;
      case 'charset.unsupported':
        status = 415;
        body = errorBody(`The charset "${String(e.charset).slice(0, 40)}" is not supported; send UTF-8 JSON.`, 'UNSUPPORTED_MEDIA_TYPE');
        break;
      case 'encoding.unsupported':
        status = 415;
        body = errorBody(`The content encoding "${String(e.encoding).slice(0, 40)}" is not supported; send identity, gzip or deflate.`, 'UNSUPPORTED_MEDIA_TYPE');
        break;
      case 'request.aborted':
      case 'request.size.invalid':
        status = 400;
        body = errorBody('The request body was incomplete.', 'BAD_REQUEST');
        break;
      default:
        if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
          status = e.status;
          body = errorBody('The request could not be read.', 'BAD_REQUEST');
        } else {
          log.error({ err }, 'unexpected error in the HTTP layer (masked for the client)');
          body = errorBody('Internal server error', 'INTERNAL_SERVER_ERROR');
        }
    }
    res.status(status).json(body);
  };
}

/** The body of a JSON 404: the path asked for (cut to 200 characters) and the routes there are. */
export function notFoundBody(path: string): { error: string; path: string; routes: string[] } {
  return { error: 'not found', path: path.slice(0, 200), routes: ['/graphql', '/healthz', '/readyz'] };
}

/** Answers every route that does not exist with a JSON 404. */
export function jsonNotFound(): RequestHandler {
  return (req, res) => {
    res.status(404).json(notFoundBody(req.path));
  };
}
