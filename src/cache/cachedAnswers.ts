import type { Request } from 'express';
import { answerKey, type ResponseCache } from './ResponseCache';

/** Answers a repeated read from the response cache before Apollo Server sees it. */
export interface CachedAnswers {
  /**
   * The HTTP body of the cached answer to `req` under the current graph version, or undefined when
   * the request is not one the front answers or the cache holds no answer for it (then Apollo runs
   * it, and the response cache plugin stores what it answered).
   */
  lookup(req: Request): Promise<string | undefined>;
}

export interface CachedAnswersDeps {
  readonly cache: ResponseCache;
  /** The graph version, at most GRAPH_VERSION_MAX_AGE_MS old (src/system/GraphVersionWatcher.ts). */
  readonly version: () => Promise<number>;
  /** The clock "today" is read from. */
  readonly now: () => Date;
}

/**
 * The front of the response cache. A query whose answer the cache holds was parsed, validated,
 * checked against every limit and answered without errors when it was stored, under the same graph
 * version, day, query text, operation name and variables (the key, src/cache/ResponseCache.ts): so
 * a request with that key gets the stored body without Apollo Server (parsing, validation, the
 * context, the plugins, serialisation), which made a repeated read cost about a millisecond.
 *
 * It answers only what the plugin would answer the same way: a POST of a JSON body with a query
 * text (no persisted-query extensions), from a client without credentials (a token is checked by
 * the context, so a request with one goes through Apollo), without `Cache-Control: no-cache` or
 * `no-store`. Whether reads need sign-in is checked by the caller (the front is off then).
 */
export function cachedAnswers({ cache, version, now }: CachedAnswersDeps): CachedAnswers {
  return {
    async lookup(req) {
      if (req.method !== 'POST' || req.headers.authorization !== undefined) return undefined;
      const control = req.headers['cache-control'];
      if (control !== undefined && /no-cache|no-store/i.test(control)) return undefined;
      const body = req.body as unknown;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
      const { query, operationName, variables, extensions } = body as Record<string, unknown>;
      if (typeof query !== 'string' || extensions !== undefined) return undefined;
      if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
      if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
      let v: number;
      try {
        v = await version();
      } catch {
        return undefined; // Apollo's path meets the same database and reports what is wrong
      }
      return cache.body(answerKey(v, now().toISOString().slice(0, 10), query, operationName, variables));
    },
  };
}
