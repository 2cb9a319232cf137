import http from 'node:http';
import { histogramMaxBound, histogramQuantile, subtractHistograms, type Histogram } from '../../src/system/eventLoopDelay';

/** One GET on its own keep-alive agent: status and milliseconds (rejects on a connection error or after `timeoutMs`). */
function get(url: URL, agent: http.Agent, timeoutMs: number): Promise<{ status: number; ms: number; text: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

/** What the /healthz poller saw during a phase. */
export interface HealthzFigures {
  /** Latency of each poll in ms: until its answer (any status) or until it failed. */
  readonly latencies: number[];
  /** Answers other than 200 ("HTTP 503") and requests without an answer (the error), by kind. */
  readonly failures: Record<string, number>;
}

/**
 * Polls `origin`/healthz every `intervalMs` from its own connection until stop() (one request at a
 * time: a slow answer delays the next poll, it does not pile up).
 */
export function startHealthzPoller(origin: string, intervalMs = 100): { stop(): Promise<HealthzFigures> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL('/healthz', origin);
  const figures = { latencies: [] as number[], failures: {} as Record<string, number> };
  const fail = (why: string): void => void (figures.failures[why] = (figures.failures[why] ?? 0) + 1);
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const r = await get(url, agent, 30_000);
        figures.latencies.push(r.ms);
        if (r.status !== 200) fail(`HTTP ${r.status}`);
      } catch (e) {
        figures.latencies.push(performance.now() - t0);
        fail((e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e)));
      }
      const wait = intervalMs - (performance.now() - t0);
      if (running && wait > 0) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, wait)));
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      agent.destroy();
      return figures;
    },
  };
}

const BUCKET = /^dsg_event_loop_delay_seconds_bucket\{le="([^"]+)"\}\s+(\S+)$/;

/** The event-loop delay histogram (in ms) of a /metrics text; undefined when the text has none. */
export function parseDelayHistogram(text: string): Histogram | undefined {
  const bounds: number[] = [];
  const counts: number[] = [];
  let [sum, count, inf] = [NaN, NaN, NaN];
  for (const line of text.split('\n')) {
    const b = BUCKET.exec(line.trim());
    if (b) {
      if (b[1] === '+Inf') inf = Number(b[2]);
      else {
        bounds.push(Number((Number(b[1]) * 1000).toPrecision(12)));
        counts.push(Number(b[2]));
      }
    } else if (line.startsWith('dsg_event_loop_delay_seconds_sum ')) sum = Number(line.split(/\s+/)[1]) * 1000;
    else if (line.startsWith('dsg_event_loop_delay_seconds_count ')) count = Number(line.split(/\s+/)[1]);
  }
  if (bounds.length === 0 || !Number.isFinite(inf)) return undefined;
  return { bounds, counts: [...counts, inf], sum, count: Number.isFinite(count) ? count : inf };
}

/** A scrape of /metrics: the histogram, or why there is none. */
export type Scrape = { readonly histogram: Histogram } | { readonly missing: string };

/** GETs `origin`/metrics once. */
export async function scrapeMetrics(origin: string): Promise<Scrape> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const r = await get(new URL('/metrics', origin), agent, 10_000);
    if (r.status !== 200) return { missing: `GET /metrics answered ${r.status}: the API has no metrics` };
    const histogram = parseDelayHistogram(r.text);
    return histogram ? { histogram } : { missing: 'GET /metrics holds no dsg_event_loop_delay_seconds histogram' };
  } catch (e) {
    return { missing: `GET /metrics failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    agent.destroy();
  }
}

/** Event-loop delay of the API during a window, in ms, from the scrapes before and after it. */
export interface DelayFigures {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  /** The upper bound of the highest bucket that got a sample (Infinity: above the largest bound). */
  readonly maxBound: number;
  readonly mean: number;
}

/** The delay figures of the window between two scrapes, or why there are none. */
export function delayWindow(before: Scrape, after: Scrape): DelayFigures | { readonly missing: string } {
  if ('missing' in before) return before;
  if ('missing' in after) return after;
  const w = subtractHistograms(after.histogram, before.histogram);
  if (w.count <= 0) return { missing: 'no event-loop samples between the two scrapes (was the API restarted?)' };
  return { samples: w.count, p50: histogramQuantile(w, 0.5), p99: histogramQuantile(w, 0.99), maxBound: histogramMaxBound(w), mean: w.sum / w.count };
}
