import fs from 'node:fs';
import { resolveNeo4jPassword } from './neo4j/password';
import path from 'node:path';
import type { Config } from './config';
import type { Logger } from './logger';
import { applySchema } from './neo4j/applySchema';
import { loadCypher } from './neo4j/cypher';
import { Db } from './neo4j/db';
import { createDriver, waitForNeo4j, type Driver } from './neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './neo4j/embedded';
import { declaredQueries } from './neo4j/query';
import { projectRoot } from './paths';
import { createServer, type AppServer } from './server';
import { graphNodeCount } from './seed/repository';
import { defaultSources, runSeed } from './seed/seed';
import type { AboutRecord } from './system/records';

/** A running API: its URL, its parts, and one `stop()` that ends them in order. */
export interface RunningApp {
  readonly url: string;
  readonly neo4jUri: string;
  readonly embedded: EmbeddedNeo4j | undefined;
  readonly driver: Driver;
  readonly db: Db;
  readonly server: AppServer;
  /** Stops the API first, then the driver, then the embedded Neo4j. Safe to call twice. */
  stop(): Promise<void>;
}

/** Name and version from package.json. */
export function readAbout(): AboutRecord {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/**
 * Starts everything: the embedded Neo4j when NEO4J_URI is unset, the driver (waiting for an answer
 * with a deadline), the schema, then the HTTP server. On a failure it stops what it started.
 */
export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const cypher = loadCypher(declaredQueries());
  let embedded: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    let uri: string;
    const password = resolveNeo4jPassword(config.neo4j);
    if (config.neo4j.mode === 'embedded') {
      embedded = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: config.neo4j.user, password, log });
      uri = embedded.uri;
    } else {
      uri = config.neo4j.uri as string;
      log.info({ uri }, 'using the Neo4j at NEO4J_URI; nothing is started');
    }
    driver = createDriver({ uri, user: config.neo4j.user, password, log });
    await waitForNeo4j(driver, config.neo4j.database, config.neo4j.mode === 'embedded' ? 30_000 : config.neo4j.embedded.startTimeoutMs);
    const db = new Db(driver, config.neo4j.database, cypher, { txTimeoutMs: config.limits.queryTimeoutMs });
    await applySchema(db, log);
    await seedOnStart(config, db, log);
    const server = createServer({ config, db, log, about: readAbout() });
    const url = await server.listen();
    const started = { embedded, driver };
    let stopping: Promise<void> | undefined;
    return {
      url,
      neo4jUri: uri,
      embedded,
      driver,
      db,
      server,
      stop: () => (stopping ??= stopAll(log, server, started.driver, started.embedded)),
    };
  } catch (e) {
    await stopAll(log, undefined, driver, embedded).catch(() => undefined);
    throw e;
  }
}

/** Loads the seed data on the first start of an empty database (or as SEED_ON_START says). */
async function seedOnStart(config: Config, db: Db, log: Logger): Promise<void> {
  if (config.seedOnStart === 'never') return;
  if (config.seedOnStart === 'auto') {
    const count = await db.read(graphNodeCount);
    if (count > 0) {
      log.info({ nodes: count }, 'database holds the knowledge graph; not seeding (npm run seed reloads it)');
      return;
    }
    log.info('empty database: loading the seed data (OZG catalogue, D-Stack landscape, seeds/*.yaml)');
  }
  let lastPct = -1;
  await runSeed(db, defaultSources(), log, (done, total) => {
    const pct = Math.floor((100 * done) / total / 25) * 25;
    if (pct !== lastPct) {
      lastPct = pct;
      log.info({ done, total }, `seeding: ${Math.round((100 * done) / total)}%`);
    }
  });
}

async function stopAll(log: Logger, server: AppServer | undefined, driver: Driver | undefined, embedded: EmbeddedNeo4j | undefined): Promise<void> {
  if (server) {
    await server.stop().catch((e: unknown) => log.error({ err: e }, 'stopping the HTTP server failed'));
    log.info('API stopped');
  }
  if (driver) await driver.close().catch((e: unknown) => log.error({ err: e }, 'closing the Neo4j driver failed'));
  if (embedded) await embedded.stop();
}
