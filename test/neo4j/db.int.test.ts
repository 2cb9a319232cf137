import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { ConflictError, QueryTooLargeError } from '../../src/errors';
import { applySchema } from '../../src/neo4j/applySchema';
import { splitStatements } from '../../src/neo4j/cypher';
import { waitForNeo4j } from '../../src/neo4j/driver';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { testNeo4j } from '../support/testEnv';

describe('the real Neo4j over Bolt', () => {
  let t: TestDb;
  const label = `Test_${randomUUID().replace(/-/g, '')}`;

  // The shared test graph is read-only for test files (test/support/ownNeo4j.ts): the writes here
  // are rolled back, and the label of their nodes is this file's own.
  beforeAll(async () => {
    t = openTestDb();
  });
  afterAll(async () => {
    try {
      await t.driver.executeQuery(`MATCH (n:${label}) DETACH DELETE n`);
    } finally {
      await t.close();
    }
  });

  it('refuses a query over the memory limit of one transaction with QUERY_TOO_LARGE, at once, and stays up', async () => {
    // The test Neo4j runs with a 768 MiB heap: one transaction may use 384 MiB (runtimeConf in embedded.ts).
    let attempts = 0;
    const off = t.db.onQuery(() => attempts++);
    const t0 = Date.now();
    await expect(t.db.read((tx) => tx.runText('UNWIND range(1, 200000000) AS x WITH collect(x) AS c RETURN size(c) AS n'))).rejects.toBeInstanceOf(QueryTooLargeError);
    off();
    // Not retried as a transient error (the driver would retry for up to 30 s).
    expect(attempts).toBe(1);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(await t.db.read((tx) => tx.runText('RETURN 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('answers RETURN 1 with the configured credentials', async () => {
    const env = testNeo4j();
    const driver = neo4j.driver(env.uri, neo4j.auth.basic(env.user, env.password));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: env.database });
      expect(records[0]?.get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it('is Neo4j Community 5.26 (or the server NEO4J_URI names)', async () => {
    const rows = await t.db.read((tx) => tx.runText('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition'));
    if (!process.env.NEO4J_URI) {
      expect(rows[0]).toEqual({ version: expect.stringMatching(/^5\.26\./), edition: 'community' });
    } else {
      expect(rows).toHaveLength(1);
    }
  });

  it('refuses a wrong password, and waitForNeo4j says which settings to check', async () => {
    const env = testNeo4j();
    const driver = neo4j.driver(env.uri, neo4j.auth.basic(env.user, 'wrong-password'));
    try {
      await expect(waitForNeo4j(driver, env.database, 10_000)).rejects.toThrow(/refused the credentials .*NEO4J_USER and NEO4J_PASSWORD/);
    } finally {
      await driver.close();
    }
  });

  it('applies the schema idempotently: every label of the model gets its unique id constraint', async () => {
    const first = await applySchema(t.db, silentLog);
    const second = await applySchema(t.db, silentLog);
    expect(second).toBe(first);
    // The constraints of every schema file (cypher/schema/model.cypher is generated from the model).
    const expected = t.db.cypher
      .namesUnder('schema/')
      .flatMap((name) => splitStatements(t.db.cypher.get(name)))
      .map((s) => /FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE/.exec(s)?.[1])
      .filter((l): l is string => Boolean(l));
    const rows = await t.db.read((tx) =>
      tx.runText("SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' AND properties = ['id'] RETURN labelsOrTypes[0] AS label"),
    );
    expect(rows.map((r) => r.label).sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThanOrEqual(17);
  });

  it('writes all or nothing: a failing transaction leaves no trace', async () => {
    const id = randomUUID();
    await expect(
      t.db.write(async (tx) => {
        await tx.runText(`CREATE (:${label} {id: $id})`, { id });
        throw new Error('fail after the first write');
      }),
    ).rejects.toThrow('fail after the first write');
    const rows = await t.db.read((tx) => tx.runText(`MATCH (n:${label} {id: $id}) RETURN count(n) AS n`, { id }));
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('turns a unique constraint violation into a ConflictError, and commits nothing', async () => {
    // Both components in one transaction: the shared graph never holds the first one.
    const id = `test-db-${randomUUID()}`;
    await expect(
      t.db.write(async (tx) => {
        await tx.runText('CREATE (:Component {id: $id, name: $id})', { id });
        await tx.runText('CREATE (:Component {id: $id, name: $id})', { id });
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.read((tx) => tx.runText('MATCH (c:Component {id: $id}) RETURN count(c) AS n', { id }))).toEqual([{ n: 0 }]);
  });

  it('returns plain values: numbers, ISO strings and maps, never driver types', async () => {
    const [row] = await t.db.read((tx) =>
      tx.runText("RETURN 42 AS i, date('2026-11-29') AS d, {a: [1, 2]} AS m, 1.5 AS f"),
    );
    expect(row).toEqual({ i: 42, d: '2026-11-29', m: { a: [1, 2] }, f: 1.5 });
  });

  it('counts the statements it sends', async () => {
    const seen: string[] = [];
    const off = t.db.onQuery((name) => seen.push(name));
    await t.db.read(async (tx) => {
      await tx.runText('RETURN 1');
      await tx.runText('RETURN 2');
    });
    off();
    await t.db.read((tx) => tx.runText('RETURN 3'));
    expect(seen).toEqual(['text', 'text']);
  });
});
