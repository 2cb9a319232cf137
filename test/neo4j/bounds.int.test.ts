import { DatabaseUnavailableError, QueryTimeoutError, ResultTooLargeError } from '../../src/errors';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { openTestDb, type TestDb } from '../support/db';

/** A read that keeps Neo4j busy for seconds (no APOC: plain Cypher arithmetic). */
const SLOW = 'UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n';

describe('the bounds of every transaction on the real Neo4j', () => {
  let t: TestDb;
  beforeAll(() => {
    t = openTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops a read at the transaction timeout with QUERY_TIMEOUT, on the server', async () => {
    const db = new Db(t.driver, t.db.database, loadCypher([]), { txTimeoutMs: 300 });
    const t0 = Date.now();
    const e = await db.read((tx) => tx.runText(SLOW)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryTimeoutError);
    expect((e as QueryTimeoutError).details).toEqual({ limitMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5000);
    // The server has let go of it: no query of ours is still running.
    const running = await t.db.read((tx) => tx.runText("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 200000000)' RETURN count(*) AS n"));
    expect(running[0]?.n).toBe(0);
  });

  it('ends a request at its deadline, whatever the transaction timeout', async () => {
    const scoped = t.db.forRequest({ deadline: Date.now() + 200, requestTimeoutMs: 200, maxItems: 1000 });
    const t0 = Date.now();
    const e = await scoped.read((tx) => tx.runText(SLOW)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryTimeoutError);
    expect(Date.now() - t0).toBeLessThan(3000);
    const late = t.db.forRequest({ deadline: Date.now() - 1, requestTimeoutMs: 5, maxItems: 1000 });
    await expect(late.read((tx) => tx.runText('RETURN 1 AS one'))).rejects.toBeInstanceOf(QueryTimeoutError);
  });

  it('counts the values a request loads and refuses beyond its budget', async () => {
    const scoped = t.db.forRequest({ deadline: Date.now() + 10_000, requestTimeoutMs: 10_000, maxItems: 25 });
    await expect(scoped.read((tx) => tx.runText('UNWIND range(1, 10) AS x RETURN x'))).resolves.toHaveLength(10);
    const e = await scoped.read((tx) => tx.runText('RETURN range(1, 20) AS xs')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ResultTooLargeError);
    expect((e as ResultTooLargeError).details).toEqual({ limit: 25, found: 31 });
  });

  it('fails at once while the availability gate says the database is down', async () => {
    const db = new Db(t.driver, t.db.database, loadCypher([]));
    db.setAvailabilityGate(() => new DatabaseUnavailableError());
    const t0 = Date.now();
    await expect(db.read((tx) => tx.runText('RETURN 1 AS one'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(Date.now() - t0).toBeLessThan(50);
    db.setAvailabilityGate(() => null);
    await expect(db.read((tx) => tx.runText('RETURN 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });
});
