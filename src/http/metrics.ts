import type { Express, Request, Response, Router } from 'express';
import express from 'express';
import { startEventLoopDelayMonitor, type EventLoopDelayMonitor, type Histogram } from '../system/eventLoopDelay';

/** Cheap figures of the process at the moment of a scrape. */
export interface ProcessFigures {
  readonly residentBytes: number;
  readonly heapUsedBytes: number;
  readonly heapTotalBytes: number;
  /** HTTP requests that arrived and have not been answered yet (this scrape included). */
  readonly requestsInFlight: number;
  /** HTTP requests seen since the start. */
  readonly requestsTotal: number;
}

/** A figure another part of the server reports (CPU workers, fair shares, Neo4j sessions). */
export interface Gauge {
  readonly name: string;
  readonly help: string;
  readonly type: 'gauge' | 'counter';
  readonly value: number;
}

/** A number in the Prometheus text format (`+Inf`, no exponent for ordinary values). */
function num(n: number): string {
  if (n === Infinity) return '+Inf';
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/**
 * The Prometheus text exposition (version 0.0.4) of the event-loop delay histogram (kept in ms,
 * exposed in seconds) and the process figures.
 */
export function formatMetrics(delayMs: Histogram, p: ProcessFigures, gauges: readonly Gauge[] = []): string {
  const lines = [
    '# HELP dsg_event_loop_delay_seconds How late a 10 ms timer of the API process ran (event-loop delay), sampled every 10 ms.',
    '# TYPE dsg_event_loop_delay_seconds histogram',
    ...delayMs.bounds.map((b, i) => `dsg_event_loop_delay_seconds_bucket{le="${num(b / 1000)}"} ${delayMs.counts[i] ?? 0}`),
    `dsg_event_loop_delay_seconds_bucket{le="+Inf"} ${delayMs.count}`,
    `dsg_event_loop_delay_seconds_sum ${num(delayMs.sum / 1000)}`,
    `dsg_event_loop_delay_seconds_count ${delayMs.count}`,
    '# HELP process_resident_memory_bytes Resident memory size in bytes.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${p.residentBytes}`,
    '# HELP nodejs_heap_size_used_bytes V8 heap used in bytes.',
    '# TYPE nodejs_heap_size_used_bytes gauge',
    `nodejs_heap_size_used_bytes ${p.heapUsedBytes}`,
    '# HELP nodejs_heap_size_total_bytes V8 heap allocated in bytes.',
    '# TYPE nodejs_heap_size_total_bytes gauge',
    `nodejs_heap_size_total_bytes ${p.heapTotalBytes}`,
    '# HELP dsg_http_requests_in_flight HTTP requests received and not yet answered (this scrape included).',
    '# TYPE dsg_http_requests_in_flight gauge',
    `dsg_http_requests_in_flight ${p.requestsInFlight}`,
    '# HELP dsg_http_requests_total HTTP requests received since the start.',
    '# TYPE dsg_http_requests_total counter',
    `dsg_http_requests_total ${p.requestsTotal}`,
    ...gauges.flatMap((g) => [`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} ${g.type}`, `${g.name} ${num(g.value)}`]),
  ];
  return `${lines.join('\n')}\n`;
}

/** What `metricsRouter` mounts: the router and the monitor behind it. */
export interface Metrics {
  readonly router: Router;
  /** Stops the event-loop delay timer (the server's stop() calls it). */
  stop(): void;
}

/**
 * `GET /metrics` in the Prometheus text format: event-loop delay as a cumulative histogram, memory,
 * HTTP requests in flight and in total. Mounted before the other routes, its router also counts every
 * request that passes. Disabled (`enabled` false): a router that does nothing and no timer.
 */
export function metricsRouter(enabled = true, monitor: EventLoopDelayMonitor | undefined = enabled ? startEventLoopDelayMonitor() : undefined, gauges: () => readonly Gauge[] = () => []): Metrics {
  const router = express.Router();
  if (!enabled || !monitor) return { router, stop: () => monitor?.stop() };
  let [inFlight, total] = [0, 0];
  router.use((_req: Request, res: Response, next) => {
    inFlight++;
    total++;
    res.once('close', () => inFlight--);
    next();
  });
  router.get('/metrics', (_req: Request, res: Response) => {
    const mem = process.memoryUsage();
    const body = formatMetrics(monitor.snapshot(), { residentBytes: mem.rss, heapUsedBytes: mem.heapUsed, heapTotalBytes: mem.heapTotal, requestsInFlight: inFlight, requestsTotal: total }, gauges());
    res.set('cache-control', 'no-store');
    res.type('text/plain; version=0.0.4; charset=utf-8').send(body);
  });
  return { router, stop: () => monitor.stop() };
}

/** Mounts `metricsRouter` on `app` before the routes that follow; stop() stops its timer. */
export function mountMetrics(app: Express, enabled = true, gauges?: () => readonly Gauge[]): Metrics {
  const metrics = metricsRouter(enabled, undefined, gauges);
  app.use(metrics.router);
  return metrics;
}
