import { childProcessEnv } from '../config';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureKeycloakDist, withDistLock, type KeycloakLog } from './keycloakDist';

/** Options of one local Keycloak (`kc.sh start-dev` on 127.0.0.1 with one realm imported). */
export interface KeycloakOptions {
  /** HTTP port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** A folder to keep Keycloak's data in across runs (kept by stop()); default a fresh temp folder that stop() removes. */
  readonly dataDir?: string;
  /** The realm JSON imported at start (`--import-realm`); its `realm` field names the issuer. */
  readonly realmFile: string;
  /** A JAVA_HOME with Java 21+ (findJava21). */
  readonly javaHome: string;
  readonly log: KeycloakLog;
  /** How long startKeycloak waits for the realm's discovery document. */
  readonly startTimeoutMs: number;
  /** Password of the bootstrap user `admin` of the master realm (admin console); default `admin`. */
  readonly adminPassword?: string;
}

/** A Keycloak process that was started but may not answer yet. */
export interface KeycloakProcess {
  readonly issuer: string;
  readonly port: number;
  /** Pid of kc.sh, the leader of the process group that also holds the Java process. */
  readonly pid: number;
  /** The run's own Keycloak home (bin/kc.sh copy, links to the shared lib/ and conf/, its own data/). */
  readonly home: string;
  /** Keycloak's console output. */
  readonly logFile: string;
  /** Date.now() when the process was spawned. */
  readonly spawnedAt: number;
  /** Resolves when kc.sh has ended, for whatever reason. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the ms from spawn to the first 200 of the realm's discovery document; rejects on exit or timeout. */
  waitReady(timeoutMs: number): Promise<number>;
  /** Stops Keycloak (SIGKILL to the group for temp data; SIGTERM, SIGKILL after 20 s, for a dataDir), waits until no process of it is left, removes temp data. */
  stop(): Promise<void>;
}

/** A Keycloak that answers: its issuer, port, the Java pid and how long it took to start. */
export interface RunningKeycloak {
  readonly issuer: string;
  readonly port: number;
  /** Pid of the Keycloak JVM. */
  readonly pid: number;
  /** Pid of kc.sh (process group leader). */
  readonly groupPid: number;
  readonly startMs: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

const DEV_BUILD_MARKER = '.dstack-dev-build';
const STOP_GRACE_MS = 20_000;

/**
 * Shell wrapper around kc.sh: a background reader on the Node pipe (fd 3) stops the whole process
 * group when the pipe ends, i.e. when the Node parent is gone however it ended (SIGTERM, which
 * Quarkus honours only once started, then SIGKILL after 30 s); kc.sh replaces the shell (same pid,
 * the group leader) and starts Java as its child.
 */
const WATCHDOG = 'exec 3<&0; ( cat <&3 >/dev/null; trap "" TERM; kill -TERM 0; sleep 30; kill -KILL 0 ) & exec "$0" "$@" </dev/null 3<&-';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Pids and command names of the processes in process group `pgid` (from `ps`). */
export function processGroup(pgid: number): { pid: number; comm: string }[] {
  const res = spawnSync('ps', ['-A', '-o', 'pid=', '-o', 'pgid=', '-o', 'comm='], { encoding: 'utf8' });
  return (res.stdout ?? '')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => Number(f[1]) === pgid)
    .map((f) => ({ pid: Number(f[0]), comm: f[2] ?? '' }));
}

/**
 * A Keycloak home for one run: kc.sh is copied (it derives kc.home.dir from its own real path), lib/
 * and conf/ link to the shared distribution, providers/ and themes/ are empty, and data/ (H2
 * database, transaction logs, import folder) belongs to this run alone.
 */
function makeHome(dist: string, home: string, realmFile: string | undefined): void {
  for (const dir of ['bin', 'providers', 'themes', 'data/import']) fs.mkdirSync(path.join(home, dir), { recursive: true, mode: 0o700 });
  fs.copyFileSync(path.join(dist, 'bin', 'kc.sh'), path.join(home, 'bin', 'kc.sh'));
  fs.chmodSync(path.join(home, 'bin', 'kc.sh'), 0o755);
  for (const dir of ['lib', 'conf']) {
    const link = path.join(home, dir);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(dist, dir), link);
  }
  if (realmFile) fs.copyFileSync(realmFile, path.join(home, 'data', 'import', path.basename(realmFile)));
}

/** Spawns `kc.sh start-dev` in `home` in its own process group, output appended to home/keycloak.log. */
function spawnKc(home: string, port: number, extraArgs: string[], javaHome: string, adminPassword: string): { child: ChildProcess; logFile: string } {
  const logFile = path.join(home, 'keycloak.log');
  const fd = fs.openSync(logFile, 'a', 0o600);
  // KC_* and JAVA from the caller's environment would change Keycloak's configuration; runs stay reproducible without them.
  // config.ts stays the one reader of process.env: the child's environment comes from childProcessEnv.
  const inherited = childProcessEnv({});
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(inherited).filter(([k]) => !k.startsWith('KC_') && k !== 'JAVA'));
  Object.assign(env, {
    JAVA_HOME: javaHome,
    KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
    KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    // C1 only: measured here, Keycloak answers in ~27 s instead of ~40-55 s on 2 busy cores.
    JAVA_OPTS_APPEND: inherited.JAVA_OPTS_APPEND ?? '-XX:TieredStopAtLevel=1',
  });
  const args = ['start-dev', `--http-port=${port}`, '--http-host=127.0.0.1', `--hostname=http://127.0.0.1:${port}`, ...extraArgs];
  try {
    const child = spawn('/bin/sh', ['-c', WATCHDOG, path.join(home, 'bin', 'kc.sh'), ...args], { cwd: home, env, detached: true, stdio: ['pipe', fd, fd] });
    child.stdin?.on('error', () => undefined);
    return { child, logFile };
  } finally {
    fs.closeSync(fd);
  }
}

function logTail(logFile: string, lines = 30): string {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => !l.startsWith('WARNING:')).slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Signals the group (SIGKILL at once when `graceMs` is 0) and waits, SIGKILL after `graceMs`, until none of its processes is left. */
async function killGroup(pgid: number, exited: Promise<unknown>, done: () => boolean, graceMs: number): Promise<void> {
  const signal = (s: NodeJS.Signals): void => {
    try {
      process.kill(-pgid, s);
    } catch {
      /* already gone */
    }
  };
  signal(graceMs === 0 ? 'SIGKILL' : 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (!done() || processGroup(pgid).length > 0) {
    if (Date.now() > deadline) signal('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
  }
}

/**
 * The first `start-dev` of a fresh distribution rebuilds it for dev mode in place (lib/quarkus,
 * ~25 s). This does that once, under the distribution lock, with a throw-away home, so that later
 * runs never rebuild the shared lib/ side by side.
 */
async function ensureDevBuild(dist: string, javaHome: string, log: KeycloakLog): Promise<void> {
  const marker = path.join(dist, DEV_BUILD_MARKER);
  if (fs.existsSync(marker)) return;
  await withDistLock(async () => {
    if (fs.existsSync(marker)) return;
    const t0 = Date.now();
    log.info('building the Keycloak distribution for dev mode (once, about 30 s)');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-keycloak-build-'));
    try {
      makeHome(dist, home, undefined);
      const { child, logFile } = spawnKc(home, await freeLocalPort(), [], javaHome, 'admin');
      let ended = false;
      const exited = new Promise<void>((r) => child.once('exit', () => { ended = true; r(); }));
      // The relaunched (rebuilt) server prints this first; by then lib/quarkus is written.
      while (!ended && !/Running the server in development mode/.test(fs.readFileSync(logFile, 'utf8'))) {
        await Promise.race([exited, new Promise((r) => setTimeout(r, 250))]);
      }
      const ok = !ended;
      await killGroup(child.pid as number, exited, () => ended, 0);
      child.stdin?.destroy();
      if (!ok) throw new Error(`Keycloak's dev-mode build failed:\n${logTail(logFile)}`);
      fs.writeFileSync(marker, new Date().toISOString());
      log.info({ ms: Date.now() - t0 }, 'Keycloak distribution built for dev mode');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
}

/**
 * Unpacks and prepares the distribution when needed, then starts Keycloak in a home of its own
 * without waiting for it (see waitReady); the process group dies with this Node process.
 */
export async function spawnKeycloak(options: KeycloakOptions): Promise<KeycloakProcess> {
  const dist = await ensureKeycloakDist(options.log);
  await ensureDevBuild(dist, options.javaHome, options.log);
  const realm = (JSON.parse(fs.readFileSync(options.realmFile, 'utf8')) as { realm: string }).realm;
  const port = options.port === 0 ? await freeLocalPort() : options.port;
  const home = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-keycloak-'));
  makeHome(dist, home, options.realmFile);
  const issuer = `http://127.0.0.1:${port}/realms/${realm}`;
  const spawnedAt = Date.now();
  const { child, logFile } = spawnKc(home, port, ['--import-realm'], options.javaHome, options.adminPassword ?? 'admin');
  if (child.pid === undefined) throw new Error(`could not start ${path.join(home, 'bin', 'kc.sh')}`);
  const pid = child.pid;
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  // When Node exits without stop(), the watchdog stops a kept-data Keycloak gently; a throw-away
  // one is killed here at once and its temp folder removed.
  const onExit = (): void => {
    if (options.dataDir) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  options.log.debug({ issuer, pid, home }, 'starting Keycloak');

  const waitReady = async (timeoutMs: number): Promise<number> => {
    const url = `${issuer}/.well-known/openid-configuration`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (ended) throw new Error(`Keycloak ended before it answered (${logFile}):\n${logTail(logFile)}`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return Date.now() - spawnedAt;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`Keycloak did not answer ${url} within ${timeoutMs} ms (${logFile}):\n${logTail(logFile)}`);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 250))]);
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Throw-away data needs no clean shutdown; a kept data folder gets one (H2 closes its files).
      await killGroup(pid, exited, () => ended, options.dataDir ? STOP_GRACE_MS : 0);
      child.stdin?.destroy();
      process.removeListener('exit', onExit);
      if (!options.dataDir) fs.rmSync(home, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { issuer, port, pid, home, logFile, spawnedAt, exited, waitReady, stop };
}

/**
 * Starts a local Keycloak (`kc.sh start-dev` on 127.0.0.1, realm imported from `realmFile`, data
 * in a fresh folder unless `dataDir`) and resolves once the realm's discovery document answers.
 */
export async function startKeycloak(options: KeycloakOptions): Promise<RunningKeycloak> {
  const kc = await spawnKeycloak(options);
  let startMs: number;
  try {
    startMs = await kc.waitReady(options.startTimeoutMs);
  } catch (err) {
    await kc.stop();
    throw err;
  }
  const java = processGroup(kc.pid).find((p) => p.comm === 'java');
  options.log.info({ issuer: kc.issuer, javaPid: java?.pid, ms: startMs }, 'Keycloak is ready');
  return { issuer: kc.issuer, port: kc.port, pid: java?.pid ?? kc.pid, groupPid: kc.pid, startMs, logFile: kc.logFile, stop: kc.stop };
}
