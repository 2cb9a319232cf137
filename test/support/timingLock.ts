import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Not about data (every file isolates its own: see test/support/ownNeo4j.ts) but about time: the
 * files that assert latency figures (event-loop delay, /healthz p99, answers under load) or that load
 * the machine hard (the flood, the browser) hold this lock for their whole run, so that two of them
 * never run side by side and one file's load is not measured as another's latency. Every other file
 * runs beside them. A lock left by a dead process is taken over. Returns the release function.
 */
export async function holdTimingLock(timeoutMs = 600_000): Promise<() => void> {
  const key = crypto.createHash('sha1').update(process.env.DSG_TEST_NEO4J_URI ?? 'default').digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `dstack-graph-test-timing-${key}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'pid'), String(process.pid));
      let released = false;
      return () => {
        if (released) return;
        released = true;
        fs.rmSync(dir, { recursive: true, force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // Take over a lock whose holder is gone.
    const holder = Number(readOr(path.join(dir, 'pid'), '0'));
    if (holder > 0 && !alive(holder)) fs.rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`the timing lock stayed held for ${timeoutMs} ms (${dir}, held by pid ${holder})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
