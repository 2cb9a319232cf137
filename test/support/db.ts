import { createLogger } from '../../src/logger';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db, type DbOptions } from '../../src/neo4j/db';
import { createDriver, type Driver } from '../../src/neo4j/driver';
import { testNeo4j, type TestNeo4j } from './testEnv';

/** A driver and a Db on the Neo4j of this test run; `close()` in afterAll. */
export interface TestDb {
  readonly driver: Driver;
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * Opens the test database with every `.cypher` file of the project loaded; `options` as the API's
 * Db takes them (session shares, transaction timeout) and the driver's pool size. `neo4j` names
 * another server than the shared test graph (a file's own, test/support/ownNeo4j.ts).
 */
export function openTestDb(options: DbOptions & { maxPoolSize?: number; neo4j?: TestNeo4j } = {}): TestDb {
  const t = options.neo4j ?? testNeo4j();
  const driver = createDriver({ uri: t.uri, user: t.user, password: t.password, log: createLogger({ logLevel: 'warn', logFormat: 'json' }, 'test'), maxPoolSize: options.maxPoolSize });
  const db = new Db(driver, t.database, loadCypher([]), options);
  return { driver, db, close: () => driver.close() };
}

/** A silent logger for tests. */
export const silentLog = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'test');
