import { describe, expect, it } from '@jest/globals';
import { delayFigures, measureEventLoopDelay, type DelayHistogram } from '../../bench/eventLoop';

const histogram = (ns: readonly number[]): DelayHistogram => {
  const sorted = [...ns].sort((a, b) => a - b);
  return {
    count: ns.length,
    max: sorted.at(-1) ?? 0,
    mean: ns.reduce((a, b) => a + b, 0) / (ns.length || 1),
    percentile: (p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0,
  };
};

describe('delayFigures', () => {
  it('turns the nanoseconds between ticks into ms of lateness after the timer interval', () => {
    const f = delayFigures(histogram([10.2e6, 10.4e6, 10.1e6, 60e6]), 10);
    expect(f.samples).toBe(4);
    expect(f.p50).toBeCloseTo(0.2, 6);
    expect(f.max).toBeCloseTo(50, 6);
    expect(f.resolutionMs).toBe(10);
  });

  it('never goes below 0, and has no figures without samples', () => {
    expect(delayFigures(histogram([9.5e6]), 10).p50).toBe(0);
    const none = delayFigures(histogram([]), 10);
    expect([none.p50, none.p99, none.max]).toEqual([NaN, NaN, NaN]);
  });
});

describe('measureEventLoopDelay', () => {
  it('sees a blocked event loop', async () => {
    const window = measureEventLoopDelay(10);
    await new Promise((r) => setTimeout(r, 50));
    const until = Date.now() + 80;
    while (Date.now() < until) {
      // blocks the loop for 80 ms
    }
    await new Promise((r) => setTimeout(r, 50));
    const f = window.stop();
    expect(f.samples).toBeGreaterThan(0);
    expect(f.max).toBeGreaterThanOrEqual(50);
  });
});
