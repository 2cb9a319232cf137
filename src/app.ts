import fs from 'node:fs';
import { resolveNeo4jPassword } from './neo4j/password';
import path from 'node:path';
import { sessionShares, type Config } from './config';
import type { Logger } from './logger';
import { applySchema } from './neo4j/applySchema';
import { loadCypher } from './neo4j/cypher';
import { Db } from './neo4j/db';
import { createDriver, waitForNeo4j, type Driver } from './neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './neo4j/embedded';
import { declaredQueries } from './neo4j/query';
import { Neo4jSupervisor } from './neo4j/supervisor';
import { projectRoot } from './paths';
import { createServer, type AppServer } from './server';
import { TokenVerifier } from './auth/TokenVerifier';
import { graphNodeCount } from './seed/repository';
import { defaultSources, runSeed } from './seed/seed';
import type { AboutRecord } from './system/records';

/**
 * A running API: its URL, its parts, and one `stop()` that ends them in order. `neo4jUri`,
 * `embedded` and `driver` are the current ones: they change when the supervisor restarts Neo4j.
 */
export interface RunningApp {
  readonly url: string;
  readonly neo4jUri: string;
  readonly embedded: EmbeddedNeo4j | undefined;
  readonly driver: Driver;
  readonly db: Db;
  readonly server: AppServer;
  readonly supervisor: Neo4jSupervisor;
  /** Stops the API first, then the supervisor with the embedded Neo4j, then the driver. Safe to call twice. */
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
    const maxPoolSize = config.fairness.poolSize;
    driver = createDriver({ uri, user: config.neo4j.user, password, log, maxPoolSize });
    await waitForNeo4j(driver, config.neo4j.database, config.neo4j.mode === 'embedded' ? 30_000 : config.neo4j.embedded.startTimeoutMs);
    // Schema and seed run without QUERY_TIMEOUT_MS: that bounds the reads of requests, and the seed's
    // one write transaction takes several seconds (more on a busy machine).
    const setupDb = new Db(driver, config.neo4j.database, cypher);
    await applySchema(setupDb, log);
    await seedOnStart(config, setupDb, log);
    // Requests share the pool's sessions per client and per request (README "Fair shares").
    const db = new Db(driver, config.neo4j.database, cypher, { txTimeoutMs: config.limits.queryTimeoutMs, sessions: sessionShares(config.fairness) });
    const user = config.neo4j.user;
    const supervisor = new Neo4jSupervisor({
      db,
      log,
      uri,
      embedded,
      // A restarted Neo4j on another port gets a new driver with the same credentials.
      createDriver: (newUri) => createDriver({ uri: newUri, user, password, log, maxPoolSize }),
      maxRestarts: config.neo4j.embedded.maxRestarts,
      hungRestartMs: config.neo4j.embedded.hungRestartMs,
    });
    // Sign-in: the issuer's keys are found (discovery) before the API answers, so a wrong issuer stops the start.
    const verifier = config.auth.oidc ? await TokenVerifier.create(config.auth.oidc, { log }) : undefined;
    if (!verifier) log.info('no sign-in configured (OIDC_ISSUER): the API is read-only');
    const server = createServer({ config, db, log, about: readAbout(), health: supervisor, verifier });
    supervisor.start();
    let url: string;
    try {
      url = await server.listen();
    } catch (e) {
      // The supervisor owns the embedded Neo4j now: stop it (and the driver it may have replaced).
      await supervisor.stop();
      embedded = undefined;
      driver = db.driver;
      throw e;
    }
    let stopping: Promise<void> | undefined;
    return {
      url,
      get neo4jUri() {
        return supervisor.uri;
      },
      get embedded() {
        return supervisor.embedded;
      },
      get driver() {
        return db.driver;
      },
      db,
      server,
      supervisor,
      stop: () => (stopping ??= stopAll(log, server, supervisor, db)),
    };
  } catch (e) {
    await stopRest(log, driver, embedded).catch(() => undefined);
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

/** Stops in order: the API (draining requests), the supervisor and with it Neo4j, then the driver in use. */
async function stopAll(log: Logger, server: AppServer, supervisor: Neo4jSupervisor, db: Db): Promise<void> {
  await server.stop().catch((e: unknown) => log.error({ err: e }, 'stopping the HTTP server failed'));
  log.info('API stopped');
  await supervisor.stop().catch((e: unknown) => log.error({ err: e }, 'stopping the Neo4j supervisor failed'));
  await closeDriver(log, db.driver);
}

/** Cleans up after a failed start: the driver, then the embedded Neo4j. */
async function stopRest(log: Logger, driver: Driver | undefined, embedded: EmbeddedNeo4j | undefined): Promise<void> {
  if (driver) await closeDriver(log, driver);
  if (embedded) await embedded.stop();
}

async function closeDriver(log: Logger, driver: Driver): Promise<void> {
  await driver.close().catch((e: unknown) => log.error({ err: e }, 'closing the Neo4j driver failed'));
}
