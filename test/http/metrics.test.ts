import { describe, expect, it } from '@jest/globals';
import { formatMetrics } from '../../src/http/metrics';
import { BucketCounter, histogramMaxBound, histogramQuantile, startEventLoopDelayMonitor, subtractHistograms } from '../../src/system/eventLoopDelay';

describe('event-loop delay histogram', () => {
  it('counts samples into cumulative buckets, a value on a bound in that bucket, above all in +Inf', () => {
    const c = new BucketCounter([1, 10, 100]);
    for (const v of [0.2, 1, 1.5, 10, 50, 100, 7000]) c.record(v);
    expect(c.snapshot()).toEqual({ bounds: [1, 10, 100], counts: [2, 4, 6, 7], sum: 7162.7, count: 7 });
  });

  it('estimates quantiles like histogram_quantile: linear within the bucket, the first starting at 0', () => {
    const c = new BucketCounter([1, 10, 100]);
    for (let i = 0; i < 50; i++) c.record(0.5); // 50 in (0, 1]
    for (let i = 0; i < 40; i++) c.record(5); // 40 in (1, 10]
    for (let i = 0; i < 10; i++) c.record(50); // 10 in (10, 100]
    const h = c.snapshot();
    expect(histogramQuantile(h, 0.5)).toBe(1); // rank 50: the top of the first bucket
    expect(histogramQuantile(h, 0.25)).toBe(0.5);
    expect(histogramQuantile(h, 0.7)).toBeCloseTo(1 + 9 * (20 / 40));
    expect(histogramQuantile(h, 0.99)).toBeCloseTo(10 + 90 * (9 / 10));
    expect(histogramMaxBound(h)).toBe(100);
  });

  it('says NaN without samples and Infinity when the rank is above the largest bound', () => {
    const c = new BucketCounter([1, 10]);
    expect(histogramQuantile(c.snapshot(), 0.99)).toBeNaN();
    expect(histogramMaxBound(c.snapshot())).toBeNaN();
    c.record(0.5);
    c.record(20);
    expect(histogramQuantile(c.snapshot(), 0.99)).toBe(Infinity);
    expect(histogramMaxBound(c.snapshot())).toBe(Infinity);
  });

  it('gives the histogram of a window as the difference of two snapshots', () => {
    const c = new BucketCounter([1, 10, 100]);
    for (let i = 0; i < 1000; i++) c.record(0.5); // a calm hour
    const before = c.snapshot();
    for (let i = 0; i < 90; i++) c.record(0.5);
    for (let i = 0; i < 10; i++) c.record(80); // a bad minute
    const window = subtractHistograms(c.snapshot(), before);
    expect(window).toEqual({ bounds: [1, 10, 100], counts: [90, 90, 100, 100], sum: 845, count: 100 });
    expect(histogramQuantile(window, 0.99)).toBeCloseTo(10 + 90 * (9 / 10)); // the whole history would say 1
    expect(histogramQuantile(c.snapshot(), 0.99)).toBeLessThanOrEqual(10);
    expect(() => subtractHistograms(window, new BucketCounter([1, 2]).snapshot())).toThrow(/different buckets/);
  });

  it('records a blocked event loop as one late sample', async () => {
    const monitor = startEventLoopDelayMonitor(5);
    await new Promise((r) => setTimeout(r, 30));
    const t0 = Date.now();
    while (Date.now() - t0 < 120) {
      // block the loop for 120 ms
    }
    await new Promise((r) => setTimeout(r, 30));
    monitor.stop();
    const h = monitor.snapshot();
    expect(h.count).toBeGreaterThan(2);
    expect(histogramMaxBound(h)).toBeGreaterThanOrEqual(200); // the sample after the block was over 100 ms late
    const count = h.count;
    await new Promise((r) => setTimeout(r, 30));
    expect(monitor.snapshot().count).toBe(count); // stopped
  });
});

describe('formatMetrics', () => {
  it('writes the histogram in seconds in the Prometheus text format, with the process figures', () => {
    const c = new BucketCounter([1, 2.5, 1000]);
    c.record(0.5);
    c.record(2);
    c.record(2000);
    const text = formatMetrics(c.snapshot(), { residentBytes: 100, heapUsedBytes: 50, heapTotalBytes: 80, requestsInFlight: 1, requestsTotal: 7 });
    const samples = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(samples).toEqual([
      'dsg_event_loop_delay_seconds_bucket{le="0.001"} 1',
      'dsg_event_loop_delay_seconds_bucket{le="0.0025"} 2',
      'dsg_event_loop_delay_seconds_bucket{le="1"} 2',
      'dsg_event_loop_delay_seconds_bucket{le="+Inf"} 3',
      'dsg_event_loop_delay_seconds_sum 2.0025',
      'dsg_event_loop_delay_seconds_count 3',
      'process_resident_memory_bytes 100',
      'nodejs_heap_size_used_bytes 50',
      'nodejs_heap_size_total_bytes 80',
      'dsg_http_requests_in_flight 1',
      'dsg_http_requests_total 7',
    ]);
    expect(text).toContain('# TYPE dsg_event_loop_delay_seconds histogram\n');
    expect(text.endsWith('\n')).toBe(true);
  });
});
