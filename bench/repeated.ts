import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLRequest } from './mix';
import { summarize, type Summary } from './stats';

/** The header of the API's response cache (src/cache/responseCachePlugin.ts: hit, miss or bypass). */
export const CACHE_HEADER = 'x-dstack-cache';

/** Sends one request without Cache-Control: no-cache and hands its response headers to `onHeaders`. */
export type CacheablePost = (request: GraphQLRequest, onHeaders: (headers: IncomingHttpHeaders) => void) => Promise<unknown>;

/** One query whose repeated read is timed. */
export interface RepeatedQuery {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly request: GraphQLRequest;
}

/** The repeated read of one query on the API. */
export interface RepeatedRead {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  /**
   * `hit`: every timed answer said x-dstack-cache: hit (the figures are those reads); `not cached`:
   * one said something else (`header` tells what; no figures); `failed`: a request failed (`header`
   * holds the error); `not run`: the query failed the agreement check on the API.
   */
  readonly status: 'hit' | 'not cached' | 'failed' | 'not run';
  readonly header: string;
  readonly figures: Summary;
}

const headerOf = (h: IncomingHttpHeaders): string => {
  const v = h[CACHE_HEADER];
  return v === undefined ? '(no header)' : String(v);
};

/**
 * Per query: one warming request, then `samples` identical requests, all without Cache-Control:
 * no-cache, so that the API's response cache may answer; each of the timed ones is timed and its
 * x-dstack-cache header read. The first timed answer that does not say `hit` ends that query as
 * "not cached" (a figure of computed answers would be mistaken for the cache's). Sequential, one
 * request at a time. Queries in `skip` are `not run`.
 */
export async function timeRepeatedReads(
  queries: readonly RepeatedQuery[],
  post: CacheablePost,
  samples: number,
  options: { skip?: ReadonlySet<string>; now?: () => number } = {},
): Promise<RepeatedRead[]> {
  const now = options.now ?? (() => performance.now());
  const out: RepeatedRead[] = [];
  for (const q of queries) {
    const base = { key: q.key, label: q.label, title: q.title };
    if (options.skip?.has(q.key)) {
      out.push({ ...base, status: 'not run', header: 'failed the agreement check', figures: summarize([]) });
      continue;
    }
    const times: number[] = [];
    let status: RepeatedRead['status'] = 'hit';
    let header = 'hit';
    try {
      await post(q.request, () => undefined);
      for (let i = 0; i < samples; i++) {
        let seen = '(no header)';
        const t0 = now();
        await post(q.request, (h) => (seen = headerOf(h)));
        const ms = now() - t0;
        if (seen !== 'hit') {
          status = 'not cached';
          header = seen;
          break;
        }
        times.push(ms);
      }
    } catch (e) {
      status = 'failed';
      header = (e as Error).message;
    }
    out.push({ ...base, status, header, figures: summarize(status === 'hit' ? times : []) });
  }
  return out;
}
