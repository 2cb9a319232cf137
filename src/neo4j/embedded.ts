import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { childProcessEnv, type EmbeddedNeo4jConfig } from '../config';
import type { Logger } from '../logger';
import { launcherDir } from '../paths';
import { ensureLauncherBuilt, findJava, launcherClasspath, NEO4J_JVM_FLAGS } from './launcherBuild';
import { restrictToOwner } from './ownerOnly';

/** How an embedded Neo4j's JVM ended: its exit code or signal, and whether `stop()` asked for it. */
export interface Neo4jExit {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when `stop()` was called before the JVM ended; false for a crash or a kill from outside. */
  readonly requested: boolean;
}

/** A running embedded Neo4j; `stop()` shuts it down cleanly (SIGTERM, then SIGKILL after a grace period). */
export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** The Bolt port it listens on (the one it picked when NEO4J_BOLT_PORT is 0). */
  readonly boltPort: number;
  readonly logFile: string;
  /** Resolves once the JVM has ended, for whatever reason; never rejects. */
  readonly exited: Promise<Neo4jExit>;
  /** Calls `listener` once the JVM has ended (at once, asynchronously, when it already has). */
  onExit(listener: (exit: Neo4jExit) => void): void;
  stop(): Promise<void>;
  /**
   * Starts a new JVM with the same options and this one's Bolt port, so that the driver's URI stays
   * valid; when the port was picked freely (NEO4J_BOLT_PORT=0) and something else took it meanwhile,
   * on another free port. Call it after this one ended.
   */
  startAgain(options?: StartAgainOptions): Promise<EmbeddedNeo4j>;
}

/** Options of one start after the first. */
export interface StartAgainOptions {
  /** Aborting it kills a JVM that is still starting; the start then rejects. */
  readonly signal?: AbortSignal;
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

/** A heap size such as `768m` or `2g` in MiB. */
export function heapMb(heap: string): number {
  const m = /^(\d+)([kmg])$/i.exec(heap);
  if (!m) return 768;
  const n = Number(m[1]);
  const unit = (m[2] as string).toLowerCase();
  return unit === 'g' ? n * 1024 : unit === 'k' ? Math.max(1, Math.floor(n / 1024)) : n;
}

/**
 * The settings file of one start: the project's static neo4j.conf plus memory limits derived from
 * the heap, so that a query too large for the heap fails with Neo4j's memory-limit error (which the
 * API reports as QUERY_TOO_LARGE) instead of killing the JVM: one transaction may use half the
 * heap, all transactions together 70 %.
 */
export function runtimeConf(dataDir: string, heap: number): string {
  const file = path.join(dataDir, 'neo4j-runtime.conf');
  const lines = [
    fs.readFileSync(path.join(launcherDir, 'neo4j.conf'), 'utf8').trimEnd(),
    '# Written at each start by src/neo4j/embedded.ts from NEO4J_HEAP.',
    `db.memory.transaction.max=${Math.floor(heap * 0.5)}m`,
    `dbms.memory.transaction.total.max=${Math.floor(heap * 0.7)}m`,
    '',
  ];
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return file;
}

/**
 * Builds the launcher when needed, starts Neo4j Community in a child JVM with Bolt on 127.0.0.1 and
 * resolves once Bolt accepts connections. The child watches its standard input, so it ends with
 * this process however this process ends.
 */
export async function startEmbeddedNeo4j(options: StartOptions): Promise<EmbeddedNeo4j> {
  const java = findJava(options.config.javaHome);
  await ensureLauncherBuilt(options.log, options.config.javaHome);
  return launch(java, options, options.config.boltPort, undefined);
}

/** Starts the JVM (the launcher is built and Java found) and waits for its NEO4J_READY line. */
async function launch(java: string, options: StartOptions, boltPort: number, signal: AbortSignal | undefined): Promise<EmbeddedNeo4j> {
  const { config, user, password, log } = options;
  // The data folder is the owner's alone (store files, transaction logs, the system database with
  // its hashed credential, logs): what an older version left readable by others is tightened at
  // each start, and the JVM runs with umask 077, so everything it writes is 0600 in 0700 folders.
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const owner = restrictToOwner(config.dataDir);
  if (owner.tightened.length > 0) log.info({ dataDir: config.dataDir, tightened: owner.tightened.length }, 'made the data folder readable by its owner only (folders 0700, files 0600)');
  if (owner.failed.length > 0) log.warn({ dataDir: config.dataDir, failed: owner.failed.slice(0, 10) }, 'could not make these files of the data folder readable by their owner only');
  const logsDir = path.join(config.dataDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true, mode: 0o700 });
  const logFile = path.join(logsDir, 'neo4j.log');
  const logStream = fs.createWriteStream(logFile, { flags: 'a', mode: 0o600 });

  const args = [
    // Start small and grow to the maximum when needed (several Neo4j may share a test machine).
    `-Xms${Math.min(512, heapMb(config.heap))}m`,
    `-Xmx${config.heap}`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    launcherClasspath(),
    'de.dstack.graph.launcher.Neo4jLauncher',
  ];
  const started = Date.now();
  log.info({ dataDir: config.dataDir, boltPort, logFile }, 'starting embedded Neo4j 5.26');
  // Own process group: a Ctrl-C in the terminal reaches only Node, which then stops the API first and
  // Neo4j second. The stdin pipe still ties the JVM's life to this process. The shell only sets the
  // umask (Node's spawn has no option for it, and process.umask would change it for the whole
  // process) and `exec`s Java in its place, so the child's pid is the JVM's, which the supervisor signals.
  const child = spawn('/bin/sh', ['-c', 'umask 077 && exec "$0" "$@"', java, ...args], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: childProcessEnv({
      DSG_NEO4J_HOME: config.dataDir,
      DSG_NEO4J_BOLT_HOST: '127.0.0.1',
      DSG_NEO4J_BOLT_PORT: String(boltPort),
      DSG_NEO4J_USER: user,
      DSG_NEO4J_PASSWORD: password,
      DSG_NEO4J_PAGECACHE_MB: String(config.pageCacheMb),
      DSG_NEO4J_CONF: runtimeConf(config.dataDir, heapMb(config.heap)),
    }),
  });
  // A JVM that died leaves a broken pipe behind; that is reported through `exited`, not as an error.
  child.stdin?.on('error', () => undefined);
  child.stderr?.pipe(logStream, { end: false });
  let stopRequested = false;
  const exited = new Promise<Neo4jExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ pid: child.pid ?? 0, code, signal, requested: stopRequested })),
  );
  exited.then(() => logStream.end(), () => logStream.end());

  const abort = (): void => {
    stopRequested = true;
    child.kill('SIGTERM');
  };
  signal?.addEventListener('abort', abort, { once: true });
  let uri: string;
  try {
    if (signal?.aborted) abort();
    uri = await waitForReady(child, logStream, config.startTimeoutMs, logFile, exited);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  if (child.pid === undefined) throw new EmbeddedNeo4jError('the Neo4j launcher has no pid');
  const pid = child.pid;
  const port = Number(new URL(uri).port);
  log.info({ uri, javaPid: pid, ms: Date.now() - started }, 'embedded Neo4j is ready');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopRequested = true;
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
  const startAgain = async (again: StartAgainOptions = {}): Promise<EmbeddedNeo4j> => {
    let nextPort = port;
    if (config.boltPort === 0 && !(await isPortFree('127.0.0.1', port))) {
      nextPort = 0;
      log.warn({ previousPort: port }, 'the previous Bolt port is taken; starting Neo4j on a free port');
    }
    return launch(java, options, nextPort, again.signal);
  };
  return {
    uri,
    pid,
    boltPort: port,
    logFile,
    exited,
    onExit: (listener) => void exited.then(listener),
    stop,
    startAgain,
  };
}

/** True when nothing listens on `host:port` (checked by binding it for a moment). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function waitForReady(
  child: ChildProcess,
  logStream: fs.WriteStream,
  timeoutMs: number,
  logFile: string,
  exited: Promise<Neo4jExit>,
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
    void exited.then(({ code, signal }) => {
      settle(() =>
        reject(
          new EmbeddedNeo4jError(
            `Neo4j exited during start (${signal ? `signal ${signal}` : `code ${code}`}): ${failure ?? 'no reason given'}. ` +
              `If the Bolt port is taken, set NEO4J_BOLT_PORT; if another Neo4j uses the data folder, stop it or set NEO4J_DATA_DIR. Log: ${logFile}`,
          ),
        ),
      );
    });
  });
}
