import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer, type AppServer } from '../../src/server';
import { openTestDb, silentLog, type TestDb } from '../support/db';
import { pollOutside } from '../support/outsidePoller';
import { holdTimingLock } from '../support/timingLock';

// Latency figures or a hard load: no other such file runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;
beforeAll(async () => {
  releaseTimingLock = await holdTimingLock();
}, 900_000);
afterAll(() => releaseTimingLock());

/** Blocks this process's event loop (where the API runs) for `ms`. */
function block(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy
  }
}

const quantile = (xs: readonly number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

describe('health probes on a port of their own (HEALTH_PORT)', () => {
  let t: TestDb;
  let server: AppServer;

  beforeAll(async () => {
    t = openTestDb();
    server = createServer({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', HEALTH_PORT: '0', HEALTH_STALL_MS: '400' }, false), db: t.db, log: silentLog, about: readAbout() });
    await server.listen();
  });
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('answers at once while the event loop is blocked, and says when it has been silent too long', async () => {
    const base = server.healthUrl as string;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const polls = pollOutside(`${base}/healthz`, 3000);
    await new Promise((r) => setTimeout(r, 600));
    const blockedFrom = Date.now();
    block(1500);
    const blockedTo = Date.now();
    const answers = await polls.done;
    const during = answers.filter((a) => a.at > blockedFrom && a.at < blockedTo);
    const after = answers.filter((a) => a.at > blockedTo + 300);
    console.log(
      `health port while the event loop was blocked for 1.5 s: ${during.length} answers, p50 ${quantile(during.map((a) => a.ms), 0.5).toFixed(1)} ms, p99 ${quantile(during.map((a) => a.ms), 0.99).toFixed(1)} ms, statuses ${JSON.stringify([...new Set(during.map((a) => `${a.status} ${a.body}`))])}`,
    );
    expect(during.length).toBeGreaterThan(20);
    expect(quantile(during.map((a) => a.ms), 0.99)).toBeLessThan(50);
    // First still ok (a busy loop is not a dead one), then, once silent for 400 ms, `stalled`.
    expect(during.some((a) => a.status === 200 && a.body === 'ok')).toBe(true);
    expect(during.some((a) => a.status === 503 && a.body === 'stalled')).toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((a) => a.status === 200 && a.body === 'ok')).toBe(true);
  });

  it('answers only GET /healthz and /readyz', async () => {
    const base = server.healthUrl as string;
    expect((await fetch(`${base}/graphql`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
