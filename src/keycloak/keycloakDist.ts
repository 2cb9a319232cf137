import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '../logger';
import { projectRoot } from '../paths';

/** The Keycloak release that keycloak/pom.xml resolves from Maven Central. */
export const KEYCLOAK_VERSION = '26.5.6';

/** The Maven project that downloads and unpacks the Keycloak distribution. */
export const keycloakProjectDir = path.join(projectRoot, 'keycloak');

/** The unpacked distribution (shared by all runs, read-only once it is built for dev mode). */
export const keycloakDistDir = path.join(keycloakProjectDir, 'target', `keycloak-${KEYCLOAK_VERSION}`);

/** The repository's test realm `dstack` (users, roles, clients: keycloak/README.md). */
export const dstackRealmFile = path.join(keycloakProjectDir, 'realm-dstack.json');

/** Where progress lines go: the project's pino logger. */
export type KeycloakLog = Pick<Logger, 'debug' | 'info' | 'warn'>;

const LOCK_STALE_MS = 15 * 60_000;

/**
 * Runs `fn` while holding a lock folder next to the distribution, so that two processes (jest's
 * globalSetup and a test file, two terminals) never unpack or build the shared distribution at once.
 */
export async function withDistLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(keycloakProjectDir, 'target', '.dstack-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left behind by a killed process is taken over after a while.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Unpacks Keycloak with Maven when `keycloak/target/keycloak-<version>/bin/kc.sh` is missing (the
 * first time this downloads about 165 MB into ~/.m2) and returns the distribution folder.
 */
export async function ensureKeycloakDist(log: KeycloakLog = createLogger({ logLevel: 'info', logFormat: 'pretty' }, 'keycloak')): Promise<string> {
  const kcSh = path.join(keycloakDistDir, 'bin', 'kc.sh');
  if (fs.existsSync(kcSh)) return keycloakDistDir;
  return withDistLock(async () => {
    if (fs.existsSync(kcSh)) return keycloakDistDir;
    const mvnCheck = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvnCheck.error || mvnCheck.status !== 0) {
      throw new Error('Maven (mvn) was not found; it resolves Keycloak from Maven Central. Install it with `sudo apt-get install maven`.');
    }
    const started = Date.now();
    log.info({ pom: path.join(keycloakProjectDir, 'pom.xml') }, `unpacking Keycloak ${KEYCLOAK_VERSION} with Maven (the first time it downloads about 165 MB from Maven Central into ~/.m2)`);
    const out: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('mvn', ['-q', '-B', '--no-transfer-progress', '-f', path.join(keycloakProjectDir, 'pom.xml'), 'package'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (buf: Buffer): void => void out.push(...buf.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0 || !fs.existsSync(kcSh)) {
      throw new Error(`Unpacking Keycloak failed (mvn exit ${code}). Last Maven output:\n${out.slice(-25).join('\n')}\nCheck that Maven Central is reachable and retry: mvn -B -f keycloak/pom.xml package`);
    }
    log.info({ ms: Date.now() - started, dir: keycloakDistDir }, 'Keycloak unpacked');
    return keycloakDistDir;
  });
}

/** The major version of the Java in `javaHome`, or undefined when it does not run. */
export function javaMajor(javaHome: string): number | undefined {
  const res = spawnSync(path.join(javaHome, 'bin', 'java'), ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${res.stderr}${res.stdout}`);
  if (!m) return undefined;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

/**
 * A JAVA_HOME with Java 21 or newer for Keycloak 26: `java21Home` (pass process.env.JAVA21_HOME)
 * when given, else the newest matching folder under /usr/lib/jvm; throws saying what to install.
 */
export function findJava21(java21Home?: string, jvmDir = '/usr/lib/jvm'): string {
  if (java21Home) {
    const major = javaMajor(java21Home);
    if (major === undefined || major < 21) {
      throw new Error(`JAVA21_HOME=${java21Home} is ${major === undefined ? 'not a working Java' : `Java ${major}`}; Keycloak ${KEYCLOAK_VERSION} needs Java 21 or newer.`);
    }
    return java21Home;
  }
  const candidates = (fs.existsSync(jvmDir) ? fs.readdirSync(jvmDir) : [])
    .filter((name) => /(21|2[2-9]|[3-9][0-9])/.test(name))
    .map((name) => path.join(jvmDir, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'bin', 'java')))
    .map((dir) => ({ dir, major: javaMajor(dir) ?? 0 }))
    .filter((c) => c.major >= 21)
    .sort((a, b) => b.major - a.major);
  if (candidates[0]) return candidates[0].dir;
  throw new Error(
    `Keycloak ${KEYCLOAK_VERSION} needs Java 21 or newer and none was found under ${jvmDir}: install it with ` +
      '`sudo apt-get install openjdk-21-jdk-headless` (Debian/Ubuntu) or Eclipse Temurin 21+, or set JAVA21_HOME to its folder.',
  );
}
