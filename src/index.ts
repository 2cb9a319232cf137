import { startApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { PrerequisiteError } from './neo4j/launcherBuild';

/**
 * The composition root: config → logger → Neo4j (embedded or NEO4J_URI) → schema → HTTP.
 * SIGINT/SIGTERM stop the API, then the driver, then Neo4j.
 */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config);
  const t0 = Date.now();
  let app;
  try {
    app = await startApp(config, log);
  } catch (e) {
    if (e instanceof PrerequisiteError) log.fatal(e.message);
    else log.fatal({ err: e }, `start failed: ${(e as Error).message}`);
    process.exit(1);
  }
  log.info({ url: app.url, neo4j: app.neo4jUri, mode: config.neo4j.mode, startMs: Date.now() - t0 }, `GraphQL API ready at ${app.url}`);

  let signalledAt = 0;
  const shutdown = (signal: string): void => {
    if (signalledAt > 0) {
      // A terminal's Ctrl-C reaches us twice (directly and forwarded by npm): only a later one forces.
      if (Date.now() - signalledAt < 2000) return;
      log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    signalledAt = Date.now();
    log.info({ signal }, 'shutting down');
    const t1 = Date.now();
    app
      .stop()
      .then(() => {
        log.info({ ms: Date.now() - t1 }, 'stopped');
        process.exit(0);
      })
      .catch((e: unknown) => {
        log.error({ err: e }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  void main();
}
