/** Upper bounds of the event-loop delay buckets in ms; one more bucket (+Inf) holds the rest. */
export const DELAY_BUCKETS_MS: readonly number[] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/**
 * A cumulative histogram as Prometheus exposes it: `counts[i]` samples were at most `bounds[i]`, the
 * last entry of `counts` (one more than `bounds`) is every sample (+Inf). Counts only grow, so the
 * histogram of a window is the difference of two snapshots (`subtractHistograms`).
 */
export interface Histogram {
  readonly bounds: readonly number[];
  readonly counts: readonly number[];
  readonly sum: number;
  readonly count: number;
}

/** Counts samples into fixed buckets; `snapshot()` gives the cumulative view. */
export class BucketCounter {
  private readonly perBucket: number[];
  private sum = 0;

  constructor(readonly bounds: readonly number[] = DELAY_BUCKETS_MS) {
    this.perBucket = new Array<number>(bounds.length + 1).fill(0);
  }

  /** Adds one sample (a value above every bound lands in +Inf). */
  record(value: number): void {
    let i = 0;
    while (i < this.bounds.length && value > (this.bounds[i] as number)) i++;
    this.perBucket[i] = (this.perBucket[i] as number) + 1;
    this.sum += value;
  }

  /** The cumulative counts so far. */
  snapshot(): Histogram {
    let running = 0;
    const counts = this.perBucket.map((n) => (running += n));
    return { bounds: this.bounds, counts, sum: this.sum, count: running };
  }
}

/** The samples of `later` that `earlier` had not seen yet (both of the same buckets). */
export function subtractHistograms(later: Histogram, earlier: Histogram): Histogram {
  if (later.bounds.join() !== earlier.bounds.join()) throw new Error(`the two histograms have different buckets: ${later.bounds.join(',')} and ${earlier.bounds.join(',')}`);
  return { bounds: later.bounds, counts: later.counts.map((c, i) => c - (earlier.counts[i] ?? 0)), sum: later.sum - earlier.sum, count: later.count - earlier.count };
}

/**
 * The quantile `q` (0..1) as Prometheus' histogram_quantile estimates it: linear within the bucket
 * where the rank falls (the first bucket starts at 0). NaN without samples; Infinity when the rank
 * falls into +Inf (above the largest bound).
 */
export function histogramQuantile(h: Histogram, q: number): number {
  const total = h.counts[h.counts.length - 1] ?? 0;
  if (total <= 0) return NaN;
  const rank = q * total;
  for (let i = 0; i < h.counts.length; i++) {
    const cum = h.counts[i] as number;
    if (cum < rank || cum === 0) continue;
    if (i >= h.bounds.length) return Infinity;
    const below = i === 0 ? 0 : (h.counts[i - 1] as number);
    const [lower, upper] = [i === 0 ? 0 : (h.bounds[i - 1] as number), h.bounds[i] as number];
    return cum === below ? upper : lower + ((upper - lower) * (rank - below)) / (cum - below);
  }
  return Infinity;
}

/** The upper bound of the highest bucket holding a sample (Infinity: above every bound; NaN: none). */
export function histogramMaxBound(h: Histogram): number {
  for (let i = h.counts.length - 1; i >= 0; i--) {
    const below = i === 0 ? 0 : (h.counts[i - 1] as number);
    if ((h.counts[i] as number) > below) return i >= h.bounds.length ? Infinity : (h.bounds[i] as number);
  }
  return NaN;
}

/** A running event-loop delay monitor. */
export interface EventLoopDelayMonitor {
  /** The delays seen so far, in ms. */
  snapshot(): Histogram;
  /** Stops the timer (idempotent). */
  stop(): void;
}

/**
 * Measures event-loop delay: a timer every `intervalMs` records how much later than asked it ran.
 * A loop blocked for 300 ms shows up as one sample of about 300 ms. The timer is unref'd: it never
 * keeps the process alive.
 */
export function startEventLoopDelayMonitor(intervalMs = 10, bounds: readonly number[] = DELAY_BUCKETS_MS): EventLoopDelayMonitor {
  const counter = new BucketCounter(bounds);
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    const due = performance.now() + intervalMs;
    timer = setTimeout(() => {
      counter.record(Math.max(0, performance.now() - due));
      schedule();
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    snapshot: () => counter.snapshot(),
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
