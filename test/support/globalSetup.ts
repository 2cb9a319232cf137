import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { applySchema } from '../../src/neo4j/applySchema';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver } from '../../src/neo4j/driver';
import { defaultSources, runSeed } from '../../src/seed/seed';
import { graphVersion } from '../../src/system/graphVersion';
import { startKeycloakInBackground } from './keycloak';

declare global {
  // eslint-disable-next-line no-var
  var __DSG_TEST_NEO4J__: { neo4j: EmbeddedNeo4j; dataDir: string } | undefined;
  // eslint-disable-next-line no-var
  var __DSG_TEST_GRAPH_FINGERPRINT__: string | undefined;
}

/**
 * The graph version and the node and relationship counts of the shared test graph. Test files run
 * side by side and compare whole-graph answers with counts of the seed, so the shared graph is
 * read-only for them (a file that writes starts a Neo4j of its own, test/support/ownNeo4j.ts);
 * globalTeardown fails the run when the fingerprint has changed.
 */
export async function graphFingerprint(db: Db): Promise<string> {
  return db.read(async (tx) => {
    const [counts] = await tx.runText('RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships');
    return JSON.stringify({ version: await graphVersion(tx), ...counts });
  });
}

/**
 * Starts one real Neo4j for the integration tests (a fresh data folder, a free Bolt port) unless
 * NEO4J_URI names an existing server, and loads the knowledge graph into it once.
 * Workers find it through DSG_TEST_NEO4J_* variables.
 */
export default async function globalSetup(): Promise<void> {
  // The identity provider of the sign-in tests starts in the background (about 30 s) while Neo4j starts.
  await startKeycloakInBackground();
  if (process.env.NEO4J_URI) {
    process.env.DSG_TEST_NEO4J_URI = process.env.NEO4J_URI;
    process.env.DSG_TEST_NEO4J_USER = process.env.NEO4J_USER ?? 'neo4j';
    process.env.DSG_TEST_NEO4J_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    process.env.DSG_TEST_NEO4J_DATABASE = process.env.NEO4J_DATABASE ?? 'neo4j';
    await seed(process.env.NEO4J_URI, process.env.DSG_TEST_NEO4J_USER, process.env.DSG_TEST_NEO4J_PASSWORD, process.env.DSG_TEST_NEO4J_DATABASE);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-test-'));
  const password = 'test-password-1';
  const config = loadConfig(
    { NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, NEO4J_HEAP: '768m', NEO4J_PAGECACHE_MB: '128', JAVA_HOME: process.env.JAVA_HOME },
    false,
  );
  const log = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'jest-global-setup');
  const neo4j = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log });
  globalThis.__DSG_TEST_NEO4J__ = { neo4j, dataDir };
  process.env.DSG_TEST_NEO4J_URI = neo4j.uri;
  process.env.DSG_TEST_NEO4J_USER = 'neo4j';
  process.env.DSG_TEST_NEO4J_PASSWORD = password;
  process.env.DSG_TEST_NEO4J_DATABASE = 'neo4j';
  await seed(neo4j.uri, 'neo4j', password, 'neo4j');
}

async function seed(uri: string, user: string, password: string, database: string): Promise<void> {
  const log = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'jest-global-setup');
  const driver = createDriver({ uri, user, password, log });
  try {
    const db = new Db(driver, database, loadCypher([]));
    await applySchema(db, log);
    await runSeed(db, defaultSources(), log);
    globalThis.__DSG_TEST_GRAPH_FINGERPRINT__ = await graphFingerprint(db);
  } finally {
    await driver.close();
  }
}
