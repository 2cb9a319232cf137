import { ConfigError, loadConfig, type Config } from '../config';
import type { Logger } from '../logger';
import { loadCypher } from './cypher';
import { Db } from './db';
import { createDriver, waitForNeo4j } from './driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';
import { resolveNeo4jPassword } from './password';
import { declaredQueries } from './query';

/** A database for a command-line tool and how to let go of it (close the driver, stop a Neo4j it started). */
export interface CliDatabase {
  readonly db: Db;
  close(): Promise<void>;
}

/**
 * The database a command-line tool (seed, import, generate) works on: NEO4J_URI when set; else the
 * running `npm start` on 127.0.0.1:NEO4J_BOLT_PORT; else an embedded Neo4j started for the command
 * and stopped by `close()`. Import the modules that declare the tool's queries before calling it.
 */
export async function connectForCli(config: Config, log: Logger): Promise<CliDatabase> {
  const cypher = loadCypher(declaredQueries());
  const open = async (uri: string): Promise<Db> => {
    const driver = createDriver({ uri, user: config.neo4j.user, password: resolveNeo4jPassword(config.neo4j), log });
    return new Db(driver, config.neo4j.database, cypher);
  };
  if (config.neo4j.mode === 'external') {
    const db = await open(config.neo4j.uri as string);
    await waitForNeo4j(db.driver, db.database, 30_000);
    return { db, close: () => db.driver.close() };
  }
  // A running `npm start` holds the embedded store: use it through Bolt (the probe logs nothing).
  const probeDriver = createDriver({ uri: `bolt://127.0.0.1:${config.neo4j.embedded.boltPort}`, user: config.neo4j.user, password: resolveNeo4jPassword(config.neo4j), log: log.child({}, { level: 'fatal' }) });
  const running = new Db(probeDriver, config.neo4j.database, cypher);
  try {
    await running.ping(1500);
    log.info(`using the Neo4j of the running server on bolt://127.0.0.1:${config.neo4j.embedded.boltPort}`);
    return { db: running, close: () => running.driver.close() };
  } catch {
    await running.driver.close();
  }
  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: config.neo4j.user, password: resolveNeo4jPassword(config.neo4j), log });
  const db = await open(embedded.uri);
  await waitForNeo4j(db.driver, db.database, 30_000);
  return {
    db,
    close: async () => {
      await db.driver.close();
      await embedded.stop();
    },
  };
}

/** The configuration of a command-line tool; null after printing what is wrong with it (exit 2). */
export function loadCliConfig(): Config | null {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return null;
    }
    throw e;
  }
}
