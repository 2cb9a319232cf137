import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { applySchema } from '../../src/neo4j/applySchema';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver } from '../../src/neo4j/driver';
import { defaultSources, runSeed } from '../../src/seed/seed';
import { silentLog } from './db';
import type { TestNeo4j } from './testEnv';

/** A Neo4j of one test file: `neo4j` for openTestDb / startTestApi, `stop()` in afterAll. */
export interface OwnNeo4j {
  readonly neo4j: TestNeo4j;
  stop(): Promise<void>;
}

/**
 * The shared test graph (test/support/globalSetup.ts) is read-only for every test file: test files
 * run side by side, and many of them compare whole-graph answers (totalCount of a root list, node
 * counts, coverage) with counts of the seed. A file that writes to the graph (temporary nodes, a
 * reload of the seed, a bump of the graph version) starts a Neo4j of its own here instead: an
 * embedded Neo4j on a fresh data folder and a free Bolt port, with the schema applied, and with the
 * seed loaded when `seed` is set. Community Edition has one user database per server, so a server
 * of its own is the only separate graph there is.
 */
export async function startOwnNeo4j(options: { name: string; seed?: boolean }): Promise<OwnNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dstack-graph-${options.name}-`));
  const password = `${options.name}-test-password`;
  const config = loadConfig(
    {
      NEO4J_BOLT_PORT: '0',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PASSWORD: password,
      // The seed loader diffs the whole graph in memory: the heap of the shared test Neo4j.
      NEO4J_HEAP: options.seed ? '768m' : '512m',
      NEO4J_PAGECACHE_MB: options.seed ? '128' : '64',
      JAVA_HOME: process.env.JAVA_HOME,
    },
    false,
  );
  const server = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log: silentLog });
  const stop = async (): Promise<void> => {
    try {
      await server.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const driver = createDriver({ uri: server.uri, user: 'neo4j', password, log: silentLog });
    try {
      const db = new Db(driver, 'neo4j', loadCypher([]));
      await applySchema(db, silentLog);
      if (options.seed) await runSeed(db, defaultSources(), silentLog);
    } finally {
      await driver.close();
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { neo4j: { uri: server.uri, user: 'neo4j', password, database: 'neo4j' }, stop };
}
