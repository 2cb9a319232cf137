import { randomUUID } from 'node:crypto';
import { readAbout } from '../../src/app';
import { CACHE_HEADER } from '../../src/cache/responseCachePlugin';
import { watchOwnWrites } from '../../src/cache/watchOwnWrites';
import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import { bumpGraphVersion } from '../../src/system/graphVersion';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

const config = loadConfig({ PORT: '0', NODE_ENV: 'test', RESPONSE_CACHE_MB: '8' }, false);

describe('the response cache keyed by the graph version', () => {
  let t: TestDb;
  let server: AppServer;
  let url: string;
  const id = `test-cache-${randomUUID().slice(0, 8)}`;

  async function ask(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ cache: string | null; json: any }> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return { cache: res.headers.get(CACHE_HEADER), json: await res.json() };
  }

  /**
   * A change as every writer of the model makes it (the data and the version in one transaction),
   * made by this process: through the requests' write path, which tells the graph version watcher
   * (`elsewhere`: as another process against the same database, which this one learns of within
   * GRAPH_VERSION_MAX_AGE_MS).
   */
  async function rename(name: string, options: { elsewhere?: boolean } = {}): Promise<void> {
    const db = options.elsewhere ? t.db : watchOwnWrites(t.db, server.graphVersion);
    await db.write(async (tx) => {
      await tx.runText('MERGE (n:GraphNode:Component {id: $id}) SET n.name = $name, n.source = "test", n.evidence = "inferred"', { id, name });
      await bumpGraphVersion(tx, 'test');
    });
  }

  let own: OwnNeo4j;
  beforeAll(async () => {
    // Its component and every change of the graph version are its own: a bump by another file
    // between two reads would turn an expected hit into a miss (test/support/ownNeo4j.ts).
    own = await startOwnNeo4j({ name: 'response-cache' });
    t = openTestDb({ neo4j: own.neo4j });
    server = createServer({ config, db: t.db, log: silentLog, about: readAbout() });
    url = await server.listen();
  }, 300_000);
  afterAll(async () => {
    try {
      await t?.db.write(async (tx) => {
        await tx.runText('MATCH (n:GraphNode {id: $id}) DETACH DELETE n', { id });
        await bumpGraphVersion(tx, 'test');
      });
      await server?.stop();
      await t?.close();
    } finally {
      await own?.stop();
    }
  });

  const Q = 'query($id: ID!) { node(id: $id) { id name } }';

  it('serves a repeated read from the cache, and a changed graph never from it', async () => {
    await rename('first');
    expect(await ask(Q, { id })).toEqual({ cache: 'miss', json: { data: { node: { id, name: 'first' } } } });
    expect(await ask(Q, { id })).toEqual({ cache: 'hit', json: { data: { node: { id, name: 'first' } } } });
    // Other variables are another answer.
    expect((await ask(Q, { id: 'bundid' })).cache).toBe('miss');
    await rename('second');
    expect(await ask(Q, { id })).toEqual({ cache: 'miss', json: { data: { node: { id, name: 'second' } } } });
    expect(await ask(Q, { id })).toEqual({ cache: 'hit', json: { data: { node: { id, name: 'second' } } } });
  });

  it('never serves an answer from before a change, in any interleaving of changes and reads', async () => {
    let name = 'v0';
    await rename(name);
    let hits = 0;
    for (let i = 0; i < 60; i++) {
      if (i % 3 === 0) {
        name = `v${i}`;
        await rename(name);
      }
      const r = await ask(Q, { id });
      expect(r.json).toEqual({ data: { node: { id, name } } });
      if (r.cache === 'hit') hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(30);
  });

  it('learns of a change made by another process within the bound, and never goes back to the older answer', async () => {
    await rename('here');
    expect((await ask(Q, { id })).json.data.node.name).toBe('here');
    const t0 = Date.now();
    await rename('elsewhere', { elsewhere: true });
    const seen: string[] = [];
    for (;;) {
      const r = await ask(Q, { id });
      seen.push(r.json.data.node.name);
      if (r.json.data.node.name === 'elsewhere' || Date.now() - t0 > 10_000) break;
    }
    const ms = Date.now() - t0;
    for (let i = 0; i < 20; i++) seen.push((await ask(Q, { id })).json.data.node.name);
    const first = seen.indexOf('elsewhere');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(seen.slice(0, first).every((n) => n === 'here') && seen.slice(first).every((n) => n === 'elsewhere')).toBe(true);
    // 250 ms by default; the slack is for a busy test machine, not for the watcher.
    expect(ms).toBeLessThan(250 + 2_000);
  });

  it('reports the version it answers under in about', async () => {
    const { json } = await ask('{ about { graphVersion { version ageMs maxAgeMs } } }');
    expect(json.data.about.graphVersion).toEqual({ version: expect.any(Number), ageMs: expect.any(Number), maxAgeMs: 250 });
    expect(json.data.about.graphVersion.ageMs).toBeLessThan(250);
  });

  it('does not store errors, is bypassed with Cache-Control: no-cache, and never caches about', async () => {
    const missing = 'query { impactAnalysis(id: "no-such-node") { summary { componentCount } } }';
    expect((await ask(missing)).cache).toBe('miss');
    expect((await ask(missing)).cache).toBe('miss');
    expect((await ask(Q, { id }, { 'cache-control': 'no-cache' })).cache).toBe('bypass');
    expect((await ask('{ about { name } }')).cache).toBe('bypass');
  });

  it('answers a repeated read before Apollo Server, with the body and headers Apollo answered it with', async () => {
    await rename('front');
    const apollo = server.apollo;
    const original = apollo.executeHTTPGraphQLRequest.bind(apollo);
    let calls = 0;
    apollo.executeHTTPGraphQLRequest = (request) => {
      calls++;
      return original(request);
    };
    try {
      const raw = async (headers: Record<string, string> = {}): Promise<{ headers: Record<string, string>; text: string }> => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: Q, variables: { id } }) });
        const out: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          if (k !== 'date' && k !== 'connection' && k !== 'keep-alive') out[k] = v;
        });
        return { headers: out, text: await res.text() };
      };
      const stored = await raw();
      expect(stored.headers[CACHE_HEADER]).toBe('miss');
      expect(calls).toBe(1);
      const front = await raw();
      // Not through Apollo, and byte for byte what Apollo said, with the same headers but the cache's.
      expect(calls).toBe(1);
      expect(front.text).toBe(stored.text);
      expect(front.headers).toEqual({ ...stored.headers, [CACHE_HEADER]: 'hit' });
      expect(front.headers['content-security-policy']).toContain("default-src 'none'");

      // Another Accept header: Apollo picks its content type once; then the front sends the same.
      const accept = { accept: 'application/graphql-response+json' };
      const first = await raw(accept);
      expect(calls).toBe(2);
      expect(first.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
      const again = await raw(accept);
      expect(calls).toBe(2);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.text).toBe(stored.text);

      // With credentials, Cache-Control: no-cache, or the version moved on: Apollo answers.
      await raw({ authorization: 'Bearer not-checked-by-the-front' });
      expect(calls).toBe(3);
      expect((await raw({ 'cache-control': 'no-cache' })).headers[CACHE_HEADER]).toBe('bypass');
      expect(calls).toBe(4);
      await rename('front again');
      const changed = await raw();
      expect(calls).toBe(5);
      expect(changed.headers[CACHE_HEADER]).toBe('miss');
      expect(JSON.parse(changed.text)).toEqual({ data: { node: { id, name: 'front again' } } });
    } finally {
      apollo.executeHTTPGraphQLRequest = original;
    }
  });
});
