import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server';
import { parseDelayHistogram } from '../../scripts/loadtest/probes';
import { silentLog } from '../support/db';
import { startApi, type RunningApi } from '../support/http';

const sample = (text: string, name: string): number => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

describe('GET /metrics', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('answers in the Prometheus text format, and the event-loop delay count grows', async () => {
    const first = await fetch(`${api.origin}/metrics`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const a = await first.text();
    await new Promise((r) => setTimeout(r, 300));
    const b = await (await fetch(`${api.origin}/metrics`)).text();

    const [ha, hb] = [parseDelayHistogram(a), parseDelayHistogram(b)];
    expect(ha?.bounds).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]);
    expect(hb!.count).toBeGreaterThan(ha!.count); // a sample about every 10 ms
    expect(hb!.counts.every((c, i) => c >= (ha!.counts[i] as number))).toBe(true); // cumulative: never shrinks
    expect(sample(b, 'dsg_event_loop_delay_seconds_count')).toBe(hb!.count);
    expect(sample(b, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 2 ** 20);
    expect(sample(b, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(b, 'dsg_http_requests_in_flight')).toBeGreaterThanOrEqual(1); // this scrape
    expect(sample(b, 'dsg_http_requests_total')).toBeGreaterThan(sample(a, 'dsg_http_requests_total'));
  });

  it('counts a GraphQL request in flight and lets it go once answered', async () => {
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ about { version } }' }) });
    expect(res.status).toBe(200);
    await res.text();
    await new Promise((r) => setTimeout(r, 50));
    expect(sample(await (await fetch(`${api.origin}/metrics`)).text(), 'dsg_http_requests_in_flight')).toBe(1);
  });

  it('reports the CPU workers and the refusals of the fair shares', async () => {
    const before = await (await fetch(`${api.origin}/metrics`)).text();
    const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body: JSON.stringify({ query: '{ simulateChange(removals: ["bundid"]) { summary { brokenServices } } }' }) });
    expect((await res.json()).errors).toBeUndefined();
    const after = await (await fetch(`${api.origin}/metrics`)).text();
    expect(sample(after, 'dsg_cpu_jobs_done_total')).toBe(sample(before, 'dsg_cpu_jobs_done_total') + 1);
    expect(sample(after, 'dsg_cpu_jobs_queued')).toBe(0);
    expect(sample(after, 'dsg_rate_limited_concurrency_total')).toBe(0);
    expect(sample(after, 'dsg_rate_limited_cost_total')).toBe(0);
  });

  it('is not served with METRICS=off', async () => {
    const server = createServer({ config: loadConfig({ PORT: '0', NODE_ENV: 'test', METRICS: 'off' }, false), db: api.t.db, log: silentLog, about: readAbout() });
    const url = await server.listen();
    try {
      const res = await fetch(new URL('/metrics', url));
      expect(res.status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
