import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { childProcessEnv, type EmbeddedNeo4jConfig } from '../config';
import type { Logger } from '../logger';
import { launcherDir } from '../paths';
import { ensureLauncherBuilt, findJava, launcherClasspath, NEO4J_JVM_FLAGS } from './launcherBuild';

/** A running embedded Neo4j; `stop()` shuts it down cleanly (SIGTERM, then SIGKILL after a grace period). */
export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** Thrown when the embedded Neo4j does not come up; the message names the log file to read. */
export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

export interface StartOptions {
  readonly config: EmbeddedNeo4jConfig;
  readonly user: string;
  readonly password: string;
  readonly log: Logger;
}

const STOP_GRACE_MS = 8000;

/**
 * Builds the launcher when needed, starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and
 * resolves once Bolt accepts connections. The child watches its standard input, so it ends with
 * this process however this process ends.
 */
export async function startEmbeddedNeo4j({ config, user, password, log }: StartOptions): Promise<EmbeddedNeo4j> {
  const java = findJava(config.javaHome);
  await ensureLauncherBuilt(log, config.javaHome);

  const logsDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, 'neo4j.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });

  const args = [
    `-Xms${config.heap}`,
    `-Xmx${config.heap}`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    launcherClasspath(),
    'de.dstack.graph.launcher.Neo4jLauncher',
  ];
  const started = Date.now();
  log.info({ dataDir: config.dataDir, boltPort: config.boltPort, logFile }, 'starting embedded Neo4j 5.26');
  // Own process group: a Ctrl-C in the terminal reaches only Node, which then stops the API first and
  // Neo4j second. The stdin pipe still ties the JVM's life to this process.
  const child = spawn(java, args, {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: childProcessEnv({
      DSG_NEO4J_HOME: config.dataDir,
      DSG_NEO4J_BOLT_HOST: '127.0.0.1',
      DSG_NEO4J_BOLT_PORT: String(config.boltPort),
      DSG_NEO4J_USER: user,
      DSG_NEO4J_PASSWORD: password,
      DSG_NEO4J_PAGECACHE_MB: String(config.pageCacheMb),
      DSG_NEO4J_CONF: path.join(launcherDir, 'neo4j.conf'),
    }),
  });
  child.stderr?.pipe(logStream, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  exited.then(() => logStream.end(), () => logStream.end());

  const uri = await waitForReady(child, logStream, config.startTimeoutMs, logFile, exited);
  if (child.pid === undefined) throw new EmbeddedNeo4jError('the Neo4j launcher has no pid');
  const pid = child.pid;
  log.info({ uri, javaPid: pid, ms: Date.now() - started }, 'embedded Neo4j is ready');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const t0 = Date.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log.warn({ javaPid: pid }, `Neo4j did not stop within ${STOP_GRACE_MS} ms; killing it`);
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      log.info({ javaPid: pid, ms: Date.now() - t0 }, 'embedded Neo4j stopped');
    })();
    return stopping;
  };
  return { uri, pid, logFile, stop };
}

function waitForReady(
  child: ChildProcess,
  logStream: fs.WriteStream,
  timeoutMs: number,
  logFile: string,
  exited: Promise<number | null>,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let failure: string | undefined;
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() =>
        reject(new EmbeddedNeo4jError(`Neo4j did not answer within ${timeoutMs / 1000} s (NEO4J_START_TIMEOUT_S); see ${logFile}`)),
      );
    }, timeoutMs);
    if (!child.stdout) {
      settle(() => reject(new EmbeddedNeo4jError('the Neo4j launcher has no standard output')));
      return;
    }
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      logStream.write(`${line}\n`);
      if (line.startsWith('NEO4J_READY ')) {
        const uri = line.slice('NEO4J_READY '.length).trim();
        settle(() => resolve(uri));
      } else if (line.startsWith('NEO4J_FAILED ')) {
        failure = line.slice('NEO4J_FAILED '.length);
      }
    });
    void exited.then((code) => {
      settle(() =>
        reject(
          new EmbeddedNeo4jError(
            `Neo4j exited during start (code ${code}): ${failure ?? 'no reason given'}. ` +
              `If the Bolt port is taken, set NEO4J_BOLT_PORT; if another Neo4j uses the data folder, stop it or set NEO4J_DATA_DIR. Log: ${logFile}`,
          ),
        ),
      );
    });
  });
}
