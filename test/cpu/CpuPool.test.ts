import { afterAll, describe, expect, it } from '@jest/globals';
import { CpuPool, type CpuRequest } from '../../src/cpu/CpuPool';
import { QueryTimeoutError, RateLimitedError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import type { UseEdge } from '../../src/whatif/engine';
import { buildWhatIfModel, whatIfTasks, type WhatIfRows } from '../../src/whatif/tasks';

const log = createLogger({ logLevel: (process.env.TEST_LOG_LEVEL as 'silent') ?? 'silent', logFormat: 'json' }, 'test');

/** A hub used by `services` services, each also using a component of its own that needs the hub. */
function hubRows(services: number): WhatIfRows {
  const edges: UseEdge[] = [];
  for (let i = 0; i < services; i++) {
    edges.push({ from: `s${i}`, fromLabel: 'Service', type: 'USES', to: 'hub', role: null, need: null, optional: false });
    edges.push({ from: `s${i}`, fromLabel: 'Service', type: 'USES', to: `c${i % 100}`, role: null, need: null, optional: false });
  }
  for (let c = 0; c < 100; c++) edges.push({ from: `c${c}`, fromLabel: 'Component', type: 'DEPENDS_ON', to: 'hub', role: null, need: null, optional: false });
  return { edges, risks: [], groups: { services: [], layers: [], ozs: [], lifeSituations: [] }, requirements: [] };
}

const small = hubRows(50);
const big = hubRows(300_000);
const today = '2026-12-07';
const ALL = { changes: true, requirements: true, groups: true };

function req(over: Partial<CpuRequest> & Pick<CpuRequest, 'args'>): CpuRequest {
  return { client: 'a', task: 'simulate', version: 1, rows: async () => small, deadline: Date.now() + 10_000, timeoutMs: 10_000, ...over };
}

describe('CpuPool', () => {
  const pool = new CpuPool({ size: 1, log, maxQueuedPerClient: 5 });
  afterAll(() => pool.stop());

  it('answers as the engine does in this thread', async () => {
    const args = { removals: ['hub'], replacements: [], today, wants: ALL };
    const got = await pool.run(req({ args }));
    expect(got).toEqual(whatIfTasks.simulate(buildWhatIfModel(small, 1), args));
    expect((got as { changes: unknown[] }).changes).toHaveLength(150);
  });

  it('stops a job that runs past its deadline and keeps its worker', async () => {
    const before = pool.stats();
    const t0 = Date.now();
    const err = await pool.run(req({ version: 2, rows: async () => big, args: { removals: ['hub'], replacements: [], today, wants: ALL }, deadline: Date.now() + 3000, timeoutMs: 3000 })).then(
      () => null,
      (e: unknown) => e,
    );
    // The model of 600,000 edges is sent first; the job then starts and must be cut at the deadline.
    expect(err).toBeInstanceOf(QueryTimeoutError);
    const ms = Date.now() - t0;
    console.log(`a job cut at its 3 s deadline answered after ${ms} ms`);
    expect(ms).toBeLessThan(3000 + 500);
    // The worker noticed (cancelled, not replaced) and serves the next job.
    await pool.run(req({ args: { removals: ['c1'], replacements: [], today, wants: ALL } }));
    const after = pool.stats();
    expect(after.restarted).toBe(before.restarted);
    expect(after.cancelled + after.restarted).toBeGreaterThan(before.cancelled + before.restarted);
  }, 60_000);

  it('refuses a job whose request was aborted, without running it', async () => {
    const c = new AbortController();
    c.abort();
    await expect(pool.run(req({ args: { removals: ['hub'], replacements: [], today, wants: ALL }, signal: c.signal }))).rejects.toBeInstanceOf(QueryTimeoutError);
  });

  it('serves clients in turn: one job of client b does not wait behind all of client a', async () => {
    const order: string[] = [];
    const jobs = [0, 1, 2, 3].map((i) => pool.run(req({ client: 'a', args: { removals: [`c${i}`], replacements: [], today, wants: ALL } })).then(() => order.push(`a${i}`)));
    const b = pool.run(req({ client: 'b', args: { removals: ['c9'], replacements: [], today, wants: ALL } })).then(() => order.push('b'));
    await Promise.all([...jobs, b]);
    // a0 is on the worker at once; b is next in line after a1 at the latest.
    expect(order.indexOf('b')).toBeLessThanOrEqual(2);
  });

  it('refuses more waiting jobs of one client than allowed with RATE_LIMITED', async () => {
    const runs = Array.from({ length: 8 }, (_, i) => pool.run(req({ client: 'c', args: { removals: [`c${i}`], replacements: [], today, wants: ALL } })).then(() => 'ok', (e: unknown) => e));
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o instanceof RateLimitedError).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThanOrEqual(5);
  });
});
