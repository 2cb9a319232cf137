import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../src/paths';

/** The README's start command running as a child process, with what its JSON logs said. */
export interface StartedCommand {
  readonly child: ChildProcess;
  readonly url: string;
  readonly boltUri: string;
  readonly javaPid: number;
  readonly logs: Record<string, unknown>[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Environment for the start command: NEO4J_URI removed so that it starts its own Neo4j. */
export function startEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', NODE_ENV: 'development', ...overrides };
  for (const k of Object.keys(env)) if (k === 'NEO4J_URI' || k.startsWith('DSG_TEST_') || k.startsWith('JEST_')) delete env[k];
  return env;
}

/** Environment for the start command against an existing Neo4j: NEO4J_URI (and NEO4J_PASSWORD) from `overrides`. */
export function externalStartEnv(overrides: Record<string, string> & { NEO4J_URI: string; NEO4J_PASSWORD: string }): NodeJS.ProcessEnv {
  return { ...startEnv(overrides), ...overrides };
}

/** Runs `node scripts/start.js` (what `npm start` runs) and resolves when the API is ready. */
export function runStartCommand(env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<StartedCommand> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'start.js')], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  child.stderr?.on('data', (b: Buffer) => stderr.push(b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let javaPid = 0;
    let boltUri = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start command not ready within ${timeoutMs} ms; logs: ${JSON.stringify(logs.slice(-5))} ${stderr.join('')}`));
    }, timeoutMs);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return; // tsc output
      }
      logs.push(entry);
      if (entry.msg === 'embedded Neo4j is ready') {
        javaPid = entry.javaPid as number;
        boltUri = entry.uri as string;
      }
      if (typeof entry.msg === 'string' && entry.msg.startsWith('GraphQL API ready')) {
        clearTimeout(timer);
        resolve({ child, url: entry.url as string, boltUri, javaPid, logs, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`start command exited (${code}) before it was ready: ${stderr.join('')} ${JSON.stringify(logs.slice(-5))}`));
    });
  });
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `pid` is gone; resolves with the milliseconds waited, or rejects after `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`process ${pid} still runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

/** A JSON log line of the start command (pino: `time` in epoch ms, `level` 30 info … 60 fatal). */
export type LogEntry = Record<string, unknown> & { readonly time: number; readonly level: number; readonly msg: string };

/**
 * Waits until the command logs a line with `msg` (and, when given, matching `where`) at or after
 * index `from` of its logs; resolves with that line. Rejects after `timeoutMs`, showing the last lines.
 */
export async function waitForLog(
  command: Pick<StartedCommand, 'logs'>,
  msg: string,
  timeoutMs: number,
  { from = 0, where = () => true }: { from?: number; where?: (entry: LogEntry) => boolean } = {},
): Promise<LogEntry> {
  const t0 = Date.now();
  for (;;) {
    const hit = command.logs.slice(from).find((l) => l.msg === msg && where(l as LogEntry));
    if (hit) return hit as LogEntry;
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`no log line "${msg}" within ${timeoutMs} ms; last lines: ${JSON.stringify(command.logs.slice(-8))}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
