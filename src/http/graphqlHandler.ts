import { setMaxListeners } from 'node:events';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { CachedAnswers } from '../cache/cachedAnswers';
import { CACHE_HEADER } from '../cache/responseCachePlugin';
import type { Context } from '../context';
import { QueryTimeoutError, RateLimitedError } from '../errors';
import type { ClientBudgets } from '../limits/ClientBudgets';
import { errorBody } from './jsonErrors';

export interface GraphqlHandlerOptions {
  /** The request's deadline in ms (REQUEST_TIMEOUT_MS): the answer's, not only the database's. */
  readonly requestTimeoutMs: number;
  /** Per-client shares (requests in flight; cost is charged by the limits plugin). */
  readonly budgets?: ClientBudgets;
  /** Answers repeated reads from the response cache before Apollo (src/cache/cachedAnswers.ts). */
  readonly cached?: CachedAnswers;
  /** Makes the context of one request. */
  readonly context: (req: Request, bounds: { client: string; deadline: number; signal: AbortSignal }) => Promise<Context> | Context;
}

/**
 * GraphQL over HTTP (as @as-integrations/express5 does it) with two rules of this API on top:
 * - **the deadline is the answer's deadline**: at REQUEST_TIMEOUT_MS the client gets QUERY_TIMEOUT
 *   whatever is still running, and the request's signal aborts, which stops its transactions and its
 *   CPU jobs; an answer that comes later is dropped. A client that goes away aborts the same way.
 * - **fair shares**: a client (its address; the proxy's client under TRUST_PROXY) over its number of
 *   requests in flight gets HTTP 429 RATE_LIMITED with Retry-After before anything runs.
 */
export function graphqlHandler(apollo: ApolloServer<Context>, options: GraphqlHandlerOptions): RequestHandler {
  // The content type Apollo chose for a single result per Accept header (it negotiates between
  // application/json and application/graphql-response+json): a cached answer is sent with the same.
  const contentTypes = new Map<string, string>();
  return async (req, res) => {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    let leave: () => void = () => undefined;
    try {
      if (options.budgets) leave = options.budgets.enter(client);
    } catch (e) {
      if (!(e instanceof RateLimitedError)) throw e;
      sendError(res, 429, e.message, e.code, e.details, { 'retry-after': String(e.details.retryAfterSeconds) });
      return;
    }
    if (options.cached) {
      // A repeated read: the stored body, without Apollo (a failure here leaves the request's share too).
      let done = true;
      try {
        const type = contentTypes.get(req.headers.accept ?? '');
        const body = type === undefined ? undefined : await options.cached.lookup(req);
        if (type === undefined || body === undefined) done = false;
        else {
          res.setHeader('content-type', type);
          res.setHeader(CACHE_HEADER, 'hit');
          res.statusCode = 200;
          sendBody(req, res, body);
        }
      } finally {
        if (done) leave();
      }
      if (done) return;
    }
    const controller = new AbortController();
    // Every transaction and CPU job of the request listens to it (dozens in a request of aliases).
    setMaxListeners(0, controller.signal);
    const deadline = Date.now() + options.requestTimeoutMs;
    let answered = false;
    const timer = setTimeout(() => {
      if (answered) return;
      answered = true;
      controller.abort();
      const e = new QueryTimeoutError(options.requestTimeoutMs, 'request');
      sendError(res, 200, e.message, e.code, e.details);
    }, options.requestTimeoutMs);
    // A client that hangs up before its answer: stop its work.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body as unknown },
        context: async () => options.context(req, { client, deadline, signal: controller.signal }),
      });
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      const type = response.headers.get('content-type');
      if (options.cached && res.statusCode === 200 && type?.startsWith('application/') && contentTypes.size < 64) contentTypes.set(req.headers.accept ?? '', type);
      if (response.body.kind === 'complete') {
        sendBody(req, res, response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } finally {
      clearTimeout(timer);
      leave();
    }
  };
}

/**
 * The query string of a request target with its '?' ('' when there is none), as url.parse(url).search
 * gives it (up to a '#'), without url.parse: Node 24 warns about it (DEP0169).
 */
export function searchOf(url: string): string {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const q = path.indexOf('?');
  return q < 0 ? '' : path.slice(q);
}

/**
 * Sends a complete answer. A POST's answer is written as it is: no ETag, which Express would compute
 * by hashing every body (a large answer's hash took longer than sending it) for no use, since
 * nothing revalidates a POST. A GET keeps Express's ETag and its 304 for a client that revalidates.
 */
function sendBody(req: Request, res: Response, body: string): void {
  if (req.method === 'GET') {
    res.send(body);
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

function sendError(res: Response, status: number, message: string, code: string, details: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.status(status).json(errorBody(message, code, details));
}
