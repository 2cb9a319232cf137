import http from 'node:http';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import type { TokenVerifier } from '../../src/auth/TokenVerifier';
import { openTestDb, silentLog, type TestDb } from './db';
import type { TestNeo4j } from './testEnv';

/** Our HTTP server (the same one `npm start` serves) on a free port over the test database. */
export interface RunningApi {
  readonly t: TestDb;
  readonly server: AppServer;
  /** The GraphQL URL, e.g. http://127.0.0.1:41234/graphql. */
  readonly url: string;
  /** The origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  stop(): Promise<void>;
}

/**
 * Starts `createServer` with the test configuration (PORT 0, NODE_ENV test, plus `env`) and listens;
 * `neo4j` names a file's own server, `verifier` turns sign-in (and so writes) on.
 */
export async function startApi(env: Readonly<Record<string, string>> = {}, options: { neo4j?: TestNeo4j; verifier?: TokenVerifier; clock?: () => Date } = {}): Promise<RunningApi> {
  const t = openTestDb({ neo4j: options.neo4j });
  const server = createServer({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', ...env }, false), db: t.db, log: silentLog, about: readAbout(), verifier: options.verifier, clock: options.clock });
  const url = await server.listen();
  return {
    t,
    server,
    url,
    origin: new URL(url).origin,
    async stop() {
      await server.stop();
      await t.close();
    },
  };
}

/** Counts of values, sorted by count (descending) then key, ready for console.log. */
export function tally(values: Iterable<string | number>): Record<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(String(v), (m.get(String(v)) ?? 0) + 1);
  return Object.fromEntries([...m].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}

/** Runs `work` over `items` with at most `concurrency` calls in flight; results in item order. */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** One raw HTTP request: any method, path, headers and bytes (fetch refuses some of them). */
export interface RawRequest {
  readonly method: string;
  /** Path and query string, starting with "/", sent as they are. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** What came back: status, content-type and the body as UTF-8 text. */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

/**
 * Sends `req` to `origin` with node:http (lighter than fetch, which matters for a flood of thousands)
 * through `agent`; rejects on a connection error or after `timeoutMs` without an answer.
 */
export function rawRequest(origin: string, req: RawRequest, agent: http.Agent | false, timeoutMs = 30_000): Promise<RawAnswer> {
  const url = new URL(origin);
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        agent,
        headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? null, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(body);
  });
}
