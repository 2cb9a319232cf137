import { describe, expect, it } from '@jest/globals';
import { percentile, ratio, summarize } from '../../bench/stats';

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(percentile(samples, 50)).toBe(3);
    expect(percentile(samples, 95)).toBe(5);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile(samples, 100)).toBe(5);
  });

  it('gives the lower middle for an even count and does not sort the input in place', () => {
    const samples = [4, 3, 2, 1];
    expect(percentile(samples, 50)).toBe(2);
    expect(samples).toEqual([4, 3, 2, 1]);
  });

  it('p95 of 20 samples is the 19th', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(samples, 95)).toBe(19);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('reports p50, p95, mean and sequential requests per second', () => {
    expect(summarize([10, 20, 30, 40])).toEqual({ n: 4, p50: 20, p95: 40, mean: 25, rps: 40 });
  });

  it('is NaN throughout without samples', () => {
    const s = summarize([]);
    expect(s.n).toBe(0);
    expect(s.p50).toBeNaN();
    expect(s.rps).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides, and is NaN for a zero or missing denominator', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(NaN, 2)).toBeNaN();
  });
});
