import { readAbout } from '../src/app';
import { loadConfig } from '../src/config';
import { loadCypher } from '../src/neo4j/cypher';
import { Db } from '../src/neo4j/db';
import { createDriver } from '../src/neo4j/driver';
import { createServer, type AppServer } from '../src/server';
import { defaultSources } from '../src/seed/seed';
import { openTestDb, silentLog, type TestDb } from './support/db';
import { expectedCounts } from './support/expectedCounts';

const config = loadConfig({ PORT: '0', NODE_ENV: 'test' }, false);

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe('the HTTP API on the real Neo4j', () => {
  let t: TestDb;
  let server: AppServer;
  let url: string;
  let base: string;

  beforeAll(async () => {
    t = openTestDb();
    server = createServer({ config, db: t.db, log: silentLog, about: readAbout() });
    url = await server.listen();
    base = url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server.stop();
    await t.close();
  });

  it('answers { __typename } with exactly {"data":{"__typename":"Query"}}', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"data":{"__typename":"Query"}}\n');
  });

  it('reports the database it reads from, through Bolt, with the size of the graph', async () => {
    // The shared test graph is read-only for test files (test/support/ownNeo4j.ts): these counts hold
    // for the whole run.
    const [counts] = (await t.db.read((tx) =>
      tx.runText('RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships, COUNT { MATCH (n:GraphNode) } AS modelNodes, COUNT { MATCH (:GraphNode)-[r]->(:GraphNode) } AS modelRelationships'),
    )) as [{ nodes: number; relationships: number; modelNodes: number; modelRelationships: number }];
    const { status, json } = await post(url, { query: '{ about { name version database { product edition mode name nodeCount relationshipCount version } } }' });
    expect(status).toBe(200);
    const about = readAbout();
    expect(json.data.about).toMatchObject({ name: about.name, version: about.version });
    expect(json.data.about.database).toMatchObject({ product: 'Neo4j Kernel', mode: 'embedded', name: 'neo4j' });
    expect(json.data.about.database.version).toMatch(/^\d+\.\d+/);
    expect(json.data.about.database).toMatchObject({ nodeCount: counts.nodes, relationshipCount: counts.relationships });
    // The model part is what the source files hold (counted from the files, not by the loader); the
    // rest are the source registry, the rules, the change log and the graph version.
    const sources = defaultSources();
    const expected = expectedCounts(sources.ozgCatalogueDir, sources.landscapeDir, sources.seedsDir);
    const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
    expect({ nodes: counts.modelNodes, relationships: counts.modelRelationships }).toEqual({ nodes: sum(expected.nodes), relationships: sum(expected.relationships) });
    expect(counts.nodes).toBeGreaterThan(counts.modelNodes);
    expect(counts.modelNodes).toBeGreaterThan(5246);
  });

  it('answers an unknown field with 400 and GRAPHQL_VALIDATION_FAILED', async () => {
    const { status, json } = await post(url, { query: '{ nope }' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(json.data).toBeUndefined();
  });

  it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
    const { status, json } = await post(url, { query: '{ about ' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('serves no CDN landing page (it would be blank offline)', async () => {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(text).not.toContain('cdn.apollographql.com');
  });

  it('says /healthz ok and /readyz ready while Neo4j answers', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', neo4j: 'up' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', neo4j: 'up' });
  });
});

describe('the HTTP API without a database', () => {
  it('answers /readyz with 503 and masks the database error in GraphQL', async () => {
    const driver = createDriver({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'irrelevant', log: silentLog, maxRetryMs: 500 });
    const db = new Db(driver, 'neo4j', loadCypher([]));
    const server = createServer({ config, db, log: silentLog, about: readAbout() });
    const url = await server.listen();
    try {
      const ready = await fetch(url.replace(/\/graphql$/, '/readyz'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable', neo4j: 'down' });
      const health = await fetch(url.replace(/\/graphql$/, '/healthz'));
      expect(health.status).toBe(200);
      const { json } = await post(url, { query: '{ about { name database { version } } }' });
      expect(json.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(json.errors[0].message).toMatch(/not reachable/);
      expect(json.data).toBeNull();
    } finally {
      await server.stop();
      await driver.close();
    }
  });
});
