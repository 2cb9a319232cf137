import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAbout } from '../../src/app';
import { CACHE_HEADER } from '../../src/cache/responseCachePlugin';
import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import { bumpGraphVersion } from '../../src/system/graphVersion';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { localIssuer, type LocalIssuer } from '../support/localIssuer';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

// The graph version watcher with a bound far longer than the test: a cached answer that changes
// at once can only have learnt the version from the write itself, and a hit asks Neo4j nothing.
const config = loadConfig({ PORT: '0', NODE_ENV: 'test', RESPONSE_CACHE_MB: '8', GRAPH_VERSION_MAX_AGE_MS: '60000', WRITE_RATE_PER_MINUTE: '0' }, false);

describe('cached answers after writes of this process (graph version watcher)', () => {
  let own: OwnNeo4j;
  let t: TestDb;
  let server: AppServer;
  let url: string;
  let issuer: LocalIssuer;
  const tokens = {} as Record<'alice' | 'rita' | 'ada', string>;
  const id = 'test-own-writes';

  async function ask(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ cache: string | null; json: any }> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    return { cache: res.headers.get(CACHE_HEADER), json: await res.json() };
  }

  /** The statements sent to Neo4j while `fn` ran. */
  async function statements(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const off = t.db.onQuery((name) => seen.push(name));
    try {
      await fn();
    } finally {
      off();
    }
    return seen;
  }

  beforeAll(async () => {
    own = await startOwnNeo4j({ name: 'cache-own-writes' });
    t = openTestDb({ neo4j: own.neo4j });
    await t.db.write(async (tx) => {
      await tx.runText('MERGE (n:GraphNode:Component {id: $id}) SET n.name = "Own writes", n.kind = "product", n.note = "before", n.source = "test", n.evidence = "inferred"', { id });
      await tx.runText('MERGE (s:Source {id: "test-own-writes-source"}) SET s.url = "https://www.bund.de/own-writes", s.kind = "official", s.name = "Test source"');
      await bumpGraphVersion(tx, 'test');
    });
    issuer = await localIssuer();
    tokens.alice = await issuer.token({ sub: 'u-alice', name: 'alice', roles: ['contributor'], organizations: ['org:land-hamburg'] });
    tokens.rita = await issuer.token({ sub: 'u-rita', name: 'rita', roles: ['reviewer'], organizations: ['org:bund'] });
    tokens.ada = await issuer.token({ sub: 'u-ada', name: 'ada', roles: ['admin'], organizations: ['org:bund'] });
    server = createServer({ config, db: t.db, log: silentLog, about: readAbout(), verifier: issuer.verifier });
    url = await server.listen();
  }, 300_000);

  afterAll(async () => {
    try {
      await server?.stop();
      await t?.close();
    } finally {
      await own?.stop();
    }
  });

  const Q = 'query($id: ID!) { node(id: $id) { id ... on Component { note } } }';
  const VERSION = '{ about { graphVersion { version ageMs maxAgeMs } } }';

  it('answers a repeated read from the cache without a statement to Neo4j', async () => {
    expect(await ask(Q, { id })).toEqual({ cache: 'miss', json: { data: { node: { id, note: 'before' } } } });
    let hit;
    expect(await statements(async () => (hit = await ask(Q, { id })))).toEqual([]);
    expect(hit).toEqual({ cache: 'hit', json: { data: { node: { id, note: 'before' } } } });
  });

  it('shows an accepted proposal in the very next cached read', async () => {
    const filed = await ask(
      'mutation($input: ProposalInput!) { propose(input: $input) { id } }',
      { input: { reason: 'The note changed.', citations: ['test-own-writes-source'], operations: [{ op: 'CHANGE_NODE', id, properties: { note: 'after' } }] } },
      tokens.alice,
    );
    expect(filed.json.errors).toBeUndefined();
    // Filing a proposal leaves the graph (and its version) alone: the cached answer still holds.
    expect(await ask(Q, { id })).toEqual({ cache: 'hit', json: { data: { node: { id, note: 'before' } } } });
    const accepted = await ask('mutation($id: ID!) { acceptProposal(id: $id) { status graphVersion } }', { id: filed.json.data.propose.id }, tokens.rita);
    expect(accepted.json.errors).toBeUndefined();
    expect(await ask(Q, { id })).toEqual({ cache: 'miss', json: { data: { node: { id, note: 'after' } } } });
    expect(await ask(Q, { id })).toEqual({ cache: 'hit', json: { data: { node: { id, note: 'after' } } } });
    const about = await ask(VERSION);
    expect(about.json.data.about.graphVersion).toMatchObject({ version: accepted.json.data.acceptProposal.graphVersion, maxAgeMs: 60000 });
  });

  it('knows the version of any other write of its own that advances it (a registry entry)', async () => {
    const before = (await ask(VERSION)).json.data.about.graphVersion.version as number;
    const added = await ask('mutation($input: SourceInput!) { registerSource(input: $input) { id } }', { input: { id: 'test-own-writes-second', url: 'https://www.bund.de/own-writes-2', kind: 'official' } }, tokens.ada);
    expect(added.json.errors).toBeUndefined();
    expect((await ask(VERSION)).json.data.about.graphVersion.version).toBe(before + 1);
    expect((await ask(Q, { id })).cache).toBe('miss');
  });

  it('sees a change made outside this process only when its version is older than the bound', async () => {
    expect((await ask(Q, { id })).cache).toBe('hit');
    // As another API process would write to the same database: not through this server's requests.
    await t.db.write(async (tx) => {
      await tx.runText('MATCH (n:GraphNode {id: $id}) SET n.note = "elsewhere"', { id });
      await bumpGraphVersion(tx, 'test');
    });
    // Within the bound (60 s here) the answer under the known version stands: that is the price of
    // not reading the version for every request. GRAPH_VERSION_MAX_AGE_MS is 250 ms by default.
    expect(await ask(Q, { id })).toEqual({ cache: 'hit', json: { data: { node: { id, note: 'after' } } } });
    // A request that bypasses the cache reads the graph itself.
    const fresh = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body: JSON.stringify({ query: Q, variables: { id } }) });
    expect(await fresh.json()).toEqual({ data: { node: { id, note: 'elsewhere' } } });
  });
});
