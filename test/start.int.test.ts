import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { runStartCommand, startEnv, waitUntilGone } from './support/startCommand';

/**
 * The README's start command end to end: it starts its own Neo4j, serves GraphQL, stops on SIGTERM
 * within 10 s with no Java left behind, seeds an empty database on its first start, keeps its data
 * across restarts, and its Neo4j ends with it
 * even when the Node process is killed outright.
 */
describe('the start command (embedded Neo4j)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-start-'));
  const password = 'start-test-password';
  const env = startEnv({ PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64' });
  const marker = `marker-${Date.now()}`;

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function bolt<T>(uri: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
    try {
      const { records } = await driver.executeQuery(cypher, params, { database: 'neo4j' });
      return records.map((r) => r.toObject() as T);
    } finally {
      await driver.close();
    }
  }

  it('serves GraphQL and Bolt, stops on SIGTERM within 10 s, and keeps its data', async () => {
    const first = await runStartCommand(env);
    try {
      const res = await fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
      expect(first.boltUri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
      expect(await bolt<{ one: number }>(first.boltUri, 'RETURN 1 AS one')).toEqual([{ one: 1 }]);
      await bolt(first.boltUri, 'CREATE (:StartTestMarker {id: $marker})', { marker });
    } finally {
      first.child.kill('SIGTERM');
    }
    const t0 = Date.now();
    const { code } = await first.exited;
    const javaGoneMs = await waitUntilGone(first.javaPid, 10_000);
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(javaGoneMs).toBeLessThan(10_000);
    expect(first.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['seed data written', 'API stopped', 'embedded Neo4j stopped']));

    const second = await runStartCommand(env);
    try {
      expect(await bolt<{ n: number }>(second.boltUri, 'MATCH (m:StartTestMarker {id: $marker}) RETURN count(m) AS n', { marker })).toEqual([{ n: 1 }]);
      // The first start seeded the empty database; the second finds the graph and leaves it alone.
      expect(second.logs.map((l) => l.msg)).toContain('database holds the knowledge graph; not seeding (npm run seed reloads it)');
      expect(second.logs.map((l) => l.msg)).not.toContain('seed data written');
      expect(await bolt<{ n: number }>(second.boltUri, "MATCH (s:Service) RETURN count(s) AS n")).toEqual([{ n: 5246 }]);
    } finally {
      // A hard kill of the Node process: the Java launcher sees its standard input close and exits.
      second.child.kill('SIGKILL');
    }
    await second.exited;
    expect(await waitUntilGone(second.javaPid, 10_000)).toBeLessThan(10_000);
  }, 600_000);
});
