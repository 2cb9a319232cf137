import { CoverageCache } from '../../src/provenance/coverageCache';
import type { CoverageRecord } from '../../src/provenance/records';

const record = (services: number): CoverageRecord => ({ services, sourced: 0, secondary: 0, reported: 0, inferred: 0, none: services, byTopic: [], byLevel: [] });

describe('CoverageCache', () => {
  it('computes once per graph version, again for a new version, and forgets a failure', async () => {
    const cache = new CoverageCache();
    let calls = 0;
    const compute = (n: number) => () => {
      calls++;
      return Promise.resolve(record(n));
    };
    expect(await cache.get(1, compute(10))).toEqual(record(10));
    expect(await cache.get(1, compute(99))).toEqual(record(10));
    expect(calls).toBe(1);
    expect(await cache.get(2, compute(20))).toEqual(record(20));
    expect(calls).toBe(2);
    await expect(cache.get(3, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get(3, compute(30))).toEqual(record(30));
    expect(calls).toBe(3);
  });
});
