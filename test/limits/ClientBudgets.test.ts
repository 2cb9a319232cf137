import { describe, expect, it } from '@jest/globals';
import { RateLimitedError } from '../../src/errors';
import { ClientBudgets } from '../../src/limits/ClientBudgets';

describe('ClientBudgets', () => {
  it('refuses requests over the share in flight, per client', () => {
    const b = new ClientBudgets({ maxConcurrent: 2, costPerMinute: 0 });
    const l1 = b.enter('a');
    b.enter('a');
    expect(() => b.enter('a')).toThrow(RateLimitedError);
    expect(() => b.enter('b')).not.toThrow();
    l1();
    l1(); // twice counts once
    expect(() => b.enter('a')).not.toThrow();
    expect(() => b.enter('a')).toThrow(RateLimitedError);
  });

  it('spends a bucket of one minute that refills continuously, and says when to come back', () => {
    let now = 0;
    const b = new ClientBudgets({ maxConcurrent: 0, costPerMinute: 60_000 }, () => now);
    b.charge('a', 50_000);
    let refusal: RateLimitedError | undefined;
    try {
      b.charge('a', 20_000);
    } catch (e) {
      refusal = e as RateLimitedError;
    }
    expect(refusal?.code).toBe('RATE_LIMITED');
    // 10,000 left, 20,000 needed at 1,000 per second: back in 10 s.
    expect(refusal?.details.retryAfterSeconds).toBe(10);
    expect(refusal?.httpStatus).toBe(429);
    expect(refusal?.extensions.http).toEqual({ status: 429, headers: new Map([['retry-after', '10']]) });
    expect(() => b.charge('other', 20_000)).not.toThrow();
    now += 10_000;
    expect(() => b.charge('a', 20_000)).not.toThrow();
    // Never more than a minute's worth, however long the client was away.
    now += 3_600_000;
    expect(() => b.charge('a', 60_000)).not.toThrow();
    expect(() => b.charge('a', 1)).toThrow(RateLimitedError);
  });

  it('refunds answers from the cache and refuses what no minute could pay', () => {
    const b = new ClientBudgets({ maxConcurrent: 0, costPerMinute: 1_000 }, () => 0);
    b.charge('a', 1_000);
    b.refund('a', 600);
    expect(() => b.charge('a', 500)).not.toThrow();
    expect(() => b.charge('a', 5_000)).toThrow(/more than a client may spend per minute/);
  });

  it('forgets idle clients when it tracks too many, keeping those with requests in flight', () => {
    const b = new ClientBudgets({ maxConcurrent: 1, costPerMinute: 100, maxClients: 10 }, () => 0);
    const busy = b.enter('busy');
    for (let i = 0; i < 50; i++) b.enter(`c${i}`)();
    expect(b.stats().clients).toBeLessThanOrEqual(10);
    expect(() => b.enter('busy')).toThrow(RateLimitedError);
    busy();
  });
});
