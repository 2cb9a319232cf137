import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Event-loop delay over a window, in ms: how much later than due a timer of `resolutionMs` ran. */
export interface EventLoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly samples: number;
  readonly resolutionMs: number;
}

/** The part of perf_hooks' IntervalHistogram that is read (values in ns). */
export interface DelayHistogram {
  readonly count: number;
  readonly max: number;
  readonly mean: number;
  percentile(p: number): number;
}

/**
 * Figures of a perf_hooks event-loop histogram in ms. Node records the time between two ticks of
 * its `resolutionMs` timer, so an idle loop reads about `resolutionMs`: that is taken off (at least 0),
 * which makes the figures the lateness the API's own monitor reports (src/system/eventLoopDelay.ts).
 */
export function delayFigures(h: DelayHistogram, resolutionMs: number): EventLoopDelay {
  const ms = (ns: number): number => (h.count > 0 && Number.isFinite(ns) ? Math.max(0, ns / 1e6 - resolutionMs) : NaN);
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), samples: h.count, resolutionMs };
}

/** A running measurement; `stop()` ends it and returns the figures of the window. */
export interface EventLoopWindow {
  stop(): EventLoopDelay;
}

/** Starts measuring the event-loop delay of this process (perf_hooks.monitorEventLoopDelay). */
export function measureEventLoopDelay(resolutionMs = 10): EventLoopWindow {
  const h = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  return {
    stop() {
      h.disable();
      return delayFigures(h, resolutionMs);
    },
  };
}
