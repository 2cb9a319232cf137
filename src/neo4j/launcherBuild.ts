import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../config';
import type { Logger } from '../logger';
import { launcherDir } from '../paths';

/** The JVM flags Neo4j 5 needs on Java 17+ (it uses internal JDK APIs). */
export const NEO4J_JVM_FLAGS = [
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Dfile.encoding=UTF-8',
];

/** Thrown when a tool the embedded Neo4j needs is missing; the message says what to install. */
export class PrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}

/** Finds a Java 17+ binary (JAVA_HOME first, then PATH) or says exactly what to install. */
export function findJava(javaHome: string | undefined): string {
  const candidate = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const res = spawnSync(candidate, ['-version'], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    throw new PrerequisiteError(
      `Java was not found (${javaHome ? `JAVA_HOME=${javaHome}` : 'no java on PATH'}). The embedded Neo4j 5.26 needs a JDK 17 or 21: ` +
        'install it with `sudo apt-get install openjdk-17-jdk-headless` (Debian/Ubuntu), or point JAVA_HOME at one, ' +
        'or set NEO4J_URI to use an existing Neo4j instead.',
    );
  }
  const text = `${res.stderr}${res.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 17)) {
    throw new PrerequisiteError(
      `Java ${Number.isNaN(major) ? '(unknown version)' : major} at ${candidate} is too old: Neo4j 5.26 needs Java 17 or 21. ` +
        'Install it with `sudo apt-get install openjdk-17-jdk-headless` and/or set JAVA_HOME.',
    );
  }
  return candidate;
}

/** The classpath of the built launcher: its classes and the Neo4j jars Maven copied. */
export function launcherClasspath(): string {
  return [path.join(launcherDir, 'target', 'classes'), path.join(launcherDir, 'target', 'lib', '*')].join(path.delimiter);
}

/** True when the launcher's build output is missing or older than its pom or sources. */
export function launcherNeedsBuild(): boolean {
  const stamp = path.join(launcherDir, 'target', 'lib', '.complete');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return newestMtime([path.join(launcherDir, 'pom.xml'), path.join(launcherDir, 'src')]) > built;
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      newest = Math.max(newest, newestMtime(fs.readdirSync(p).map((f) => path.join(p, f))));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds the Java launcher with Maven when it is not built yet (the first build downloads Neo4j
 * from Maven Central, about 100 MB). Resolves when `target/` is complete.
 */
export async function ensureLauncherBuilt(log: Logger, javaHome: string | undefined): Promise<void> {
  if (!launcherNeedsBuild()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new PrerequisiteError(
      'Maven (mvn) was not found; it resolves Neo4j from Maven Central on the first start. ' +
        'Install it with `sudo apt-get install maven`, or set NEO4J_URI to use an existing Neo4j instead.',
    );
  }
  const started = Date.now();
  log.info({ dir: launcherDir }, 'building the Neo4j launcher with Maven (first time: downloads Neo4j 5.26 from Maven Central)');
  const env = childProcessEnv(javaHome ? { JAVA_HOME: javaHome } : {});
  const out: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('mvn', ['-B', '--no-transfer-progress', '-f', path.join(launcherDir, 'pom.xml'), 'package'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (buf: Buffer): void => {
      for (const line of buf.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        out.push(line);
        log.debug({ mvn: line }, 'maven');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new PrerequisiteError(
      `Building the Neo4j launcher failed (mvn exit ${code}). Last Maven output:\n${out.slice(-25).join('\n')}\n` +
        'Check that Maven Central is reachable, then run `npm run neo4j:build` to retry.',
    );
  }
  fs.writeFileSync(path.join(launcherDir, 'target', 'lib', '.complete'), new Date().toISOString());
  log.info({ ms: Date.now() - started }, 'Neo4j launcher built');
}
