import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the shared test graph, across jest workers. Test files that add temporary
 * nodes to the seeded graph and test files whose answers count the whole graph hold it for their
 * whole run, so a count never sees another file's temporary nodes. A lock left by a dead process is
 * taken over. Returns the release function.
 */
export async function lockSharedGraph(timeoutMs = 600_000): Promise<() => void> {
  const key = crypto.createHash('sha1').update(process.env.DSG_TEST_NEO4J_URI ?? 'default').digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `dstack-graph-test-graph-${key}.lock`);
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
    if (Date.now() > deadline) throw new Error(`the shared test graph stayed locked for ${timeoutMs} ms (${dir}, held by pid ${holder})`);
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
