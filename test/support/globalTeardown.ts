import fs from 'node:fs';
import { createLogger } from '../../src/logger';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver } from '../../src/neo4j/driver';
import { graphFingerprint } from './globalSetup';
import { testNeo4j } from './testEnv';
import { stopKeycloak } from './keycloak';

/**
 * Fails the run when a test file changed the shared test graph (it is read-only for them: see
 * test/support/ownNeo4j.ts), then stops the Neo4j of this run and removes its data folder.
 */
export default async function globalTeardown(): Promise<void> {
  try {
    await checkUnchanged();
  } finally {
    await stopKeycloak();
    const started = globalThis.__DSG_TEST_NEO4J__;
    if (started) {
      await started.neo4j.stop();
      fs.rmSync(started.dataDir, { recursive: true, force: true });
      globalThis.__DSG_TEST_NEO4J__ = undefined;
    }
  }
}

async function checkUnchanged(): Promise<void> {
  const before = globalThis.__DSG_TEST_GRAPH_FINGERPRINT__;
  if (!before) return;
  const t = testNeo4j();
  const driver = createDriver({ uri: t.uri, user: t.user, password: t.password, log: createLogger({ logLevel: 'warn', logFormat: 'json' }, 'jest-global-teardown') });
  try {
    const after = await graphFingerprint(new Db(driver, t.database, loadCypher([])));
    if (after !== before) {
      throw new Error(`a test file changed the shared test graph (before the tests ${before}, after ${after}); a file that writes must use a Neo4j of its own (test/support/ownNeo4j.ts)`);
    }
  } finally {
    await driver.close();
  }
}
