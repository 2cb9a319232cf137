import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createServer, type AppServer } from '../../src/server';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { killerQuery } from '../limits/cost.test';
import { pollOutside, type OutsidePoller } from '../support/outsidePoller';
import { holdTimingLock } from '../support/timingLock';

// Latency figures or a hard load: no other such file runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;
beforeAll(async () => {
  releaseTimingLock = await holdTimingLock();
}, 900_000);
afterAll(() => releaseTimingLock());

type Answer = { status: number; ms: number; headers: Headers; text: string; json: any };

async function send(url: string, init: RequestInit): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  const ms = performance.now() - t0;
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, ms, headers: res.headers, text, json };
}
const gql = (url: string, query: string, variables?: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
  send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

/** Stops the outside poller; the latencies it saw between `from` and `to`, every answer a 200. */
async function outsidePolls(poller: OutsidePoller, from: number, to: number): Promise<number[]> {
  poller.stop();
  const all = await poller.done;
  return all.filter((p) => p.at >= from && p.at <= to).map((p) => {
    expect(p.status).toBe(200);
    return p.ms;
  });
}

async function startServer(t: TestDb, env: Record<string, string> = {}, log = silentLog): Promise<{ server: AppServer; url: string; base: string }> {
  const server = createServer({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', ...env }, false), db: t.db, log, about: readAbout() });
  const url = await server.listen();
  return { server, url, base: url.replace(/\/graphql$/, '') };
}

/**
 * The best of five timings of the same request: the machines are shared and noisy, and the question
 * is whether the server can refuse it that fast, not how busy the machine was.
 */
async function bestMs(fn: () => Promise<Answer>): Promise<{ ms: number; last: Answer }> {
  const runs: Answer[] = [];
  for (let i = 0; i < 5; i++) runs.push(await fn());
  return { ms: Math.min(...runs.map((r) => r.ms)), last: runs[2]! };
}

describe('hardening of the HTTP API', () => {
  let t: TestDb;
  let s: { server: AppServer; url: string; base: string };
  beforeAll(async () => {
    t = openTestDb();
    s = await startServer(t, { HEALTH_PORT: '0' });
    // The first traversal on a fresh database plans its queries; on a loaded CI machine that took
    // seconds. Warm them here, so that the tests below time the server and not the planner.
    await gql(s.url, '{ impactAnalysis(id: "bundid") { components { distance } services { distance } summary { serviceCount byTopic { count } organizations { relations } } } }');
  }, 120_000);
  afterAll(async () => {
    await s.server.stop();
    await t.close();
  });

  describe('refuses before executing', () => {
    const bombs: [string, () => string, string][] = [
      ['the killer query of issue 7 (7 levels of first: 1000)', () => killerQuery(7), 'DEPTH_LIMIT_EXCEEDED'],
      ['the killer query at 5 levels (within the depth limit)', () => killerQuery(5), 'COST_LIMIT_EXCEEDED'],
      ['the killer query at 2 levels', () => killerQuery(2), 'COST_LIMIT_EXCEEDED'],
      ['a deeper variant (20 levels)', () => killerQuery(20), 'DEPTH_LIMIT_EXCEEDED'],
      ['a wider variant (10 siblings of 1000 × 50)', () => `{ node(id: "bundid") { ... on Component { ${Array.from({ length: 10 }, (_, i) => `a${i}: usedBy(first: 1000) { node { uses(first: 50) { node { id } } } }`).join(' ')} } } }`, 'COST_LIMIT_EXCEEDED'],
      ['1000 aliases of impactAnalysis(bundid)', () => `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: impactAnalysis(id: "bundid") { summary { serviceCount } }`).join(' ')} }`, 'DOCUMENT_TOO_LARGE'],
      ['40 aliases of impactAnalysis(bundid)', () => `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: impactAnalysis(id: "bundid") { summary { serviceCount } }`).join(' ')} }`, 'ALIAS_LIMIT_EXCEEDED'],
      ['a fragment bomb that multiplies', () => `{ node(id: "bundid") { ...C0 } } ${Array.from({ length: 5 }, (_, i) => `fragment C${i} on Component { usedBy(first: 1000) { node { ...S${i} } } } fragment S${i} on Service { uses(first: 1000) { node { ...C${i + 1} } } }`).join(' ')} fragment C5 on Component { id }`, 'DEPTH_LIMIT_EXCEEDED'],
      ['a fragment bomb within the depth limit', () => `{ node(id: "bundid") { ...C0 } } fragment C0 on Component { usedBy(first: 1000) { node { ...S0 } } } fragment S0 on Service { uses(first: 1000) { node { ...C1 } } } fragment C1 on Component { a: usedBy(first: 1000) { node { id } } b: dependents(first: 1000) { node { id } } }`, 'COST_LIMIT_EXCEEDED'],
      ['a token bomb', () => `{ about { ${'v '.repeat(3000)} } }`, 'TOKEN_LIMIT_EXCEEDED'],
      ['a directive bomb', () => `{ about { ${Array.from({ length: 25 }, (_, i) => `v${i}: version @skip(if: false)`).join(' ')} } }`, 'DIRECTIVE_LIMIT_EXCEEDED'],
    ];
    it.each(bombs)('%s: refused with its own code, the limit and the value found, in < 100 ms', async (_name, make, code) => {
      const { ms, last } = await bestMs(() => gql(s.url, make()));
      console.log(`${_name}: ${last.json.errors[0].extensions.code} in ${ms.toFixed(1)} ms`);
      expect(last.status).toBe(400);
      expect(last.json.data).toBeUndefined();
      expect(last.json.errors).toHaveLength(1);
      expect(last.json.errors[0].extensions.code).toBe(code);
      // The limit of the configuration the server runs with (the defaults).
      const limits = loadConfig({ NODE_ENV: 'test' }, false).limits;
      const limitOf: Record<string, number> = {
        DOCUMENT_TOO_LARGE: limits.maxDocumentBytes,
        ALIAS_LIMIT_EXCEEDED: limits.maxAliases,
        DEPTH_LIMIT_EXCEEDED: limits.maxDepth,
        COST_LIMIT_EXCEEDED: limits.maxCost,
        TOKEN_LIMIT_EXCEEDED: limits.maxTokens,
        DIRECTIVE_LIMIT_EXCEEDED: limits.maxDirectives,
      };
      expect(last.json.errors[0].extensions.limit).toBe(limitOf[code]);
      expect(Number(last.json.errors[0].extensions.found)).toBeGreaterThan(last.json.errors[0].extensions.limit);
      expect(last.json.errors[0].message).toMatch(/limit/);
      expect(ms).toBeLessThan(100);
    });

    it('stays up with a flat heap after all the bombs', async () => {
      const before = process.memoryUsage().heapUsed;
      for (let round = 0; round < 5; round++) for (const [, make] of bombs) await gql(s.url, make());
      const after = process.memoryUsage().heapUsed;
      expect((after - before) / 1e6).toBeLessThan(64);
      const ok = await gql(s.url, '{ __typename }');
      expect(ok.json).toEqual({ data: { __typename: 'Query' } });
    });

    it('computes identical traversals once per request', async () => {
      const seen: string[] = [];
      const off = t.db.onQuery((name) => seen.push(name));
      try {
        const r = await gql(s.url, `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: impactAnalysis(id: "bundid") { summary { serviceCount } }`).join(' ')} }`);
        expect(r.json.errors).toBeUndefined();
        expect(new Set(Object.values(r.json.data).map((v: any) => v.summary.serviceCount)).size).toBe(1);
      } finally {
        off();
      }
      // One statement for the twenty aliases: the full search, or the traversal index's hits filled in.
      expect(seen.filter((n) => n === 'compiled:impact' || n === 'compiled:impactHydrate')).toHaveLength(1);
    });
  });

  describe('bounds what runs', () => {
    it('answers RESULT_TOO_LARGE when a request loads more values than allowed', async () => {
      const small = await startServer(t, { RESULT_MAX_ITEMS: '20' });
      try {
        const r = await gql(small.url, '{ components(first: 50) { edges { node { id } } } }');
        expect(r.json.errors[0].extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', limit: 20 });
        const fine = await gql(small.url, '{ node(id: "bundid") { id } }');
        expect(fine.json).toEqual({ data: { node: { id: 'bundid' } } });
      } finally {
        await small.server.stop();
      }
    });

    it('answers QUERY_TIMEOUT when a request runs past its deadline', async () => {
      const tight = await startServer(t, { REQUEST_TIMEOUT_MS: '10' });
      try {
        // Four levels of links: four round trips one after the other, more than 10 ms in all.
        const r = await gql(tight.url, '{ node(id: "bundid") { ... on Component { usedBy(first: 20) { node { uses(first: 20) { node { usedBy(first: 20) { node { id } } } } } } } } }');
        expect(r.json.errors.map((e: any) => e.extensions.code)).toContain('QUERY_TIMEOUT');
        expect(r.text).not.toMatch(/Neo\.|neo4j/i);
      } finally {
        await tight.server.stop();
      }
    });

    it('keeps /healthz on HEALTH_PORT under 100 ms, and answering on the API port, while the most expensive allowed queries run', async () => {
      await healthzUnderLoad();
    }, 300_000);

    async function healthzUnderLoad(): Promise<void> {
      // Heavy real work the defaults let through on the seed graph (cost 171,000), three at once.
      const heavy = '{ services(first: 500) { edges { node { id name uses(first: 20) { node { id usedBy(first: 15) { node { id name } } } } offeredBy(first: 20) { node { id } } } } } }';
      const pre = await gql(s.url, heavy);
      expect(pre.json.errors).toBeUndefined();
      let running = true;
      const latencies: number[] = [];
      const ownPort: number[] = [];
      const pollOf = (url: string, into: number[]) =>
        (async () => {
          while (running) {
            const r = await send(url, {});
            expect(r.status).toBe(200);
            into.push(r.ms);
            await new Promise((res) => setTimeout(res, 10));
          }
        })();
      // HEALTH_PORT from a process of its own (this process runs the API: a poller here would wait for
      // the same event loop); the API's port from here, as before.
      const outside = pollOutside(`${s.server.healthUrl}/healthz`, 60_000);
      const polls = [pollOf(`${s.base}/healthz`, latencies)];
      const t0 = Date.now();
      // Past the response cache (the warm-up above filled it): the database does the work each time.
      // Three rounds of three at once, so that the median rests on a few dozen polls, not a handful.
      const results: Awaited<ReturnType<typeof gql>>[] = [];
      for (let round = 0; round < 3; round++) {
        results.push(...(await Promise.all(Array.from({ length: 3 }, () => gql(s.url, heavy, undefined, { 'cache-control': 'no-cache' })))));
      }
      const heavyMs = Date.now() - t0;
      const t1 = Date.now();
      running = false;
      await Promise.all(polls);
      ownPort.push(...(await outsidePolls(outside, t0, t1)));
      for (const r of results) expect(r.json.errors).toBeUndefined();
      latencies.sort((a, b) => a - b);
      ownPort.sort((a, b) => a - b);
      const at = (xs: number[], q: number): number => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
      console.log(
        `3 rounds of the 3 heaviest queries at once in ${heavyMs} ms; /healthz on the API's port polled ${latencies.length} times, p50 ${at(latencies, 0.5).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms; on HEALTH_PORT ${ownPort.length} times, p50 ${at(ownPort, 0.5).toFixed(1)} ms, p99 ${at(ownPort, 0.99).toFixed(1)} ms, max ${ownPort.at(-1)!.toFixed(1)} ms`,
      );
      expect(latencies.length).toBeGreaterThan(5);
      expect(ownPort.length).toBeGreaterThan(10);
      // The probes' own port answers from a thread of its own: fast whatever the event loop does.
      expect(at(ownPort, 0.99)).toBeLessThan(100);
      // On the API's port a probe waits in line with the answers (each of these is ~150,000 values,
      // built on the event loop): it must not freeze (before the first hardening it took seconds), but
      // under 100 ms at all times is not met there; that is what HEALTH_PORT is for.
      expect(at(latencies, 0.5)).toBeLessThan(1000);
    }
  });

  describe('errors are JSON and say nothing internal', () => {
    const internals = /\s{2,}at |\/work\/|node_modules|\.ts:\d|<html|<!DOCTYPE|Neo\.ClientError|lucene|Cypher|bolt:\/\/|127\.0\.0\.1:\d{4}/i;
    it('answers malformed JSON with 400 and a GraphQL error body', async () => {
      const r = await send(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename }"' });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(r.text).not.toMatch(internals);
    });

    it('answers an oversized body with 413 and the limit', async () => {
      const r = await gql(s.url, '{ __typename }', { pad: 'x'.repeat(200_000) });
      expect(r.status).toBe(413);
      expect(r.json.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 100_000 });
      expect(r.text).not.toMatch(internals);
    });

    it('answers an unsupported charset with 415', async () => {
      const r = await send(s.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"query":"{ __typename }"}' });
      expect(r.status).toBe(415);
      expect(r.json.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(r.text).not.toMatch(internals);
    });

    it.each([
      ['mutation { x }', /Cannot query field "x" on type "Mutation"/],
      ['subscription { about { name } }', /queries and mutations/],
      ['mutation M { about { name } }', /Cannot query field "about" on type "Mutation"/],
    ] as const)('answers %s with 400 and a clear message', async (q, message) => {
      const r = await gql(s.url, q);
      expect(r.status).toBe(400);
      expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.json.errors.map((e: any) => e.message).join(' ')).toMatch(message);
    });

    it.each(['AND', 'OR NOT', '"', '*', 'a:b', 'Wohngeld AND', '\\', '~2', '[a TO b]', '((('])('searches %p as text (no Lucene error)', async (text) => {
      const r = await gql(s.url, 'query($t: String!) { search(text: $t) { node { id } } }', { t: text });
      expect(r.status).toBe(200);
      expect(r.json.errors).toBeUndefined();
      expect(Array.isArray(r.json.data.search)).toBe(true);
    });

    it('answers a 1,000-character search and 1,025 words with BAD_USER_INPUT', async () => {
      for (const t of ['x'.repeat(1000), Array.from({ length: 1025 }, (_, i) => `w${i}`).join(' ')]) {
        const r = await gql(s.url, 'query($t: String!) { search(text: $t) { node { id } } }', { t });
        expect(r.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(r.text).not.toMatch(internals);
      }
    });

    it('answers an unknown route with a JSON 404', async () => {
      const r = await send(`${s.base}/nope`, {});
      expect(r.status).toBe(404);
      expect(r.json.error).toBe('not found');
    });

    it('logs the codes the client received, user errors below warn', async () => {
      const lines: any[] = [];
      const log = createLogger({ logLevel: 'debug', logFormat: 'json' }, 'test');
      const captured = Object.assign(Object.create(log), {
        child: () => captured,
        debug: (o: any, m: string) => lines.push({ level: 'debug', ...o, msg: m }),
        info: (o: any, m: string) => lines.push({ level: 'info', ...o, msg: m }),
        warn: (o: any, m: string) => lines.push({ level: 'warn', ...o, msg: m }),
        error: (o: any, m: string) => lines.push({ level: 'error', ...o, msg: m }),
      });
      const own = await startServer(t, {}, captured);
      try {
        await gql(own.url, '{ impactAnalysis(id: "no-such-id") { maxDepth } }');
        await gql(own.url, '{ dependencies(id: "bundid", maxDepth: 99) { root { id } } }');
        await gql(own.url, killerQuery(2));
        await gql(own.url, '{ node(id: "bundid") { id } }');
      } finally {
        await own.server.stop();
      }
      const ops = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('graphql operation'));
      expect(ops.map((l) => [l.level, l.codes ?? []])).toEqual([
        ['info', ['NOT_FOUND']],
        ['info', ['BAD_USER_INPUT']],
        ['info', ['COST_LIMIT_EXCEEDED']],
        ['debug', []],
      ]);
      expect(ops[3].cost).toBe(1);
    });
  });

  describe('CORS and headers', () => {
    it('sends no CORS headers by default, so browsers allow the same origin only', async () => {
      const r = await gql(s.url, '{ __typename }', undefined, { origin: 'https://evil.example' });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      const pre = await send(s.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('opens to the configured origins only', async () => {
      const open = await startServer(t, { CORS_ORIGINS: 'https://portal.example.de, http://localhost:5173' });
      try {
        const ok = await gql(open.url, '{ __typename }', undefined, { origin: 'https://portal.example.de' });
        expect(ok.headers.get('access-control-allow-origin')).toBe('https://portal.example.de');
        const pre = await send(open.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
        expect(pre.status).toBeLessThan(300);
        expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
        const other = await gql(open.url, '{ __typename }', undefined, { origin: 'https://evil.example' });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await open.server.stop();
      }
    });

    it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
      const r = await send(`${s.url}?query=${encodeURIComponent('{ __typename }')}`, {});
      expect(r.status).toBe(400);
      expect(r.text).toMatch(/CSRF|preflight/i);
    });

    it('sends security headers', async () => {
      const r = await gql(s.url, '{ __typename }');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(r.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(r.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('production mode', () => {
    it('hides field suggestions, keeps introspection on by default, and turns it off when configured', async () => {
      const prod = await startServer(t, { NODE_ENV: 'production' });
      const closed = await startServer(t, { NODE_ENV: 'production', INTROSPECTION: 'off' });
      try {
        const typo = await gql(prod.url, '{ node(id: "bundid") { nam } }');
        expect(typo.json.errors[0].message).toBe('Cannot query field "nam" on type "Node".');
        const dev = await gql(s.url, '{ node(id: "bundid") { nam } }');
        expect(dev.json.errors[0].message).toMatch(/Did you mean "name"/);
        const intro = await gql(prod.url, '{ __schema { queryType { name } } }');
        expect(intro.json.data.__schema.queryType.name).toBe('Query');
        const refused = await gql(closed.url, '{ __schema { queryType { name } } }');
        expect(refused.status).toBe(400);
        expect(refused.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      } finally {
        await prod.server.stop();
        await closed.server.stop();
      }
    });
  });
});
