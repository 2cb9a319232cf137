/**
 * The API a load test runs against: started by the load test on its own data folder, or attached to
 * by URL; and what its processes use (memory and CPU from /proc).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** VmRSS and VmHWM (peak) in MiB from the text of /proc/<pid>/status. */
export function parseProcStatus(text: string): { rssMiB: number; peakMiB: number } {
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) from the text of /proc/<pid>/stat, at Linux's 100 ticks per second. */
export function parseProcStat(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' '); // the name may hold spaces; fields from `state` on
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** What one process uses now; undefined when it is not readable here. */
export interface Usage {
  rssMiB: number;
  peakMiB: number;
  cpuSeconds: number;
}

export function usageOf(pid: number | undefined): Usage | undefined {
  try {
    return pid ? { ...parseProcStatus(fs.readFileSync(`/proc/${pid}/status`, 'utf8')), cpuSeconds: parseProcStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')) } : undefined;
  } catch {
    return undefined;
  }
}

/** The pid of the local process listening on `port` (Linux /proc, same user), if any. */
function listeningPid(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(1) : [];
    for (const cols of lines.map((l) => l.trim().split(/\s+/))) if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A') inodes.add(`socket:[${cols[9]}]`);
  }
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (fs.readdirSync(`/proc/${pid}/fd`).some((fd) => inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`)))) return Number(pid);
    } catch {
      // another user's process, or gone
    }
  }
  return undefined;
}

/** The first child of `pid` that runs java (the embedded Neo4j), if any. */
function javaChild(pid: number): number | undefined {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.map(Number).find((c) => usageOf(c) && fs.readFileSync(`/proc/${c}/comm`, 'utf8').trim() === 'java');
  } catch {
    return undefined;
  }
}

/** The API under test: where it answers, which processes to measure, and how to let it go. */
export interface Target {
  readonly url: string;
  readonly apiPid: number | undefined;
  readonly jvmPid: number | undefined;
  readonly child?: ChildProcess;
  /** Warnings and errors the started API logged, by message (cleared before the measured run). */
  readonly logged?: Map<string, number>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..');

/** Builds and starts `node dist/index.js`, resolving once it logs `GraphQL API ready at <url>`. */
export async function startServer(dataDir: string): Promise<Target> {
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('the TypeScript build failed (see above); if someone is mid-change, retry in a minute');
  // TRUST_PROXY: the API may take each client's address from X-Forwarded-For (sent by this loopback client only).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NEO4J_BOLT_PORT: '0', LOG_FORMAT: 'json', NODE_ENV: 'production', NEO4J_DATA_DIR: dataDir, TRUST_PROXY: 'loopback' };
  delete env.NEO4J_URI; // always the embedded Neo4j on the kept data folder; use --url for another setup
  // The first run seeds with `npm run seed` in its own process: the API's memory then shows serving
  // only, and the one large seed transaction is not bound by the API's QUERY_TIMEOUT_MS.
  const marker = path.join(dataDir, 'loadtest-seeded');
  if (!fs.existsSync(marker)) {
    process.stdout.write('seeding the data folder (first run only) ...\n');
    const seed = spawnSync(process.execPath, [path.join(root, 'dist/seed/cli.js')], { cwd: root, env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`the seed failed (exit ${seed.status}):\n${`${seed.stdout}${seed.stderr}`.split('\n').slice(-15).join('\n')}`);
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
  }
  const child = spawn(process.execPath, [path.join(root, 'dist/index.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`code ${code}, signal ${signal}`)));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  };
  const tail: string[] = [];
  const logged = new Map<string, number>();
  child.stderr?.on('data', (b: Buffer) => tail.push(b.toString()));
  return new Promise<Target>((resolve, reject) => {
    let jvmPid: number | undefined;
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`API not ready within 240 s:\n${tail.slice(-10).join('\n')}`))), 240_000);
    // Reading on after `ready` matters too: a full stdout pipe would stall the server.
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { level?: unknown; msg?: unknown; url?: unknown; javaPid?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      tail.push(line);
      if (tail.length > 20) tail.shift();
      if (typeof entry.level === 'number' && entry.level >= 40) logged.set(String(entry.msg), (logged.get(String(entry.msg)) ?? 0) + 1);
      if (entry.msg === 'embedded Neo4j is ready' && typeof entry.javaPid === 'number') jvmPid = entry.javaPid;
      if (typeof entry.msg === 'string' && entry.msg.startsWith('GraphQL API ready') && typeof entry.url === 'string') {
        clearTimeout(timer);
        // A getter: when Neo4j is restarted by the API, its new pid is measured.
        resolve({ url: entry.url, apiPid: child.pid, get jvmPid() { return jvmPid; }, child, logged, stop });
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the API exited before it was ready (${how}):\n${tail.slice(-10).join('\n')}`));
    });
  });
}

/** A running API at `url`; its memory is read only when it listens on this machine. */
export function attach(url: string): Target {
  const u = new URL(url);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && fs.existsSync('/proc/net/tcp');
  const apiPid = local ? listeningPid(Number(u.port || (u.protocol === 'https:' ? 443 : 80))) : undefined;
  return { url, apiPid, jvmPid: apiPid ? javaChild(apiPid) : undefined, stop: async () => undefined };
}

