import { describe, expect, it } from '@jest/globals';
import { FairSemaphore, PermitWaitError } from '../../src/limits/FairSemaphore';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('FairSemaphore', () => {
  it('grants up to its capacity and makes the rest wait', async () => {
    const s = new FairSemaphore(2);
    const a = await s.acquire('x');
    await s.acquire('x');
    let third = false;
    void s.acquire('x').then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    a();
    await tick();
    expect(third).toBe(true);
    expect(s.stats()).toEqual({ inUse: 2, waiting: 0, keys: 1 });
  });

  it('keeps one key to its share while permits are free', async () => {
    const s = new FairSemaphore(10, 2);
    await s.acquire('greedy');
    await s.acquire('greedy');
    let third = false;
    void s.acquire('greedy').then(() => (third = true));
    await tick();
    expect(third).toBe(false);
    // Another key still gets one at once.
    await expect(s.acquire('other')).resolves.toBeInstanceOf(Function);
  });

  it('gives a freed permit to the key that holds the fewest, not to the longest line', async () => {
    const s = new FairSemaphore(3, 3);
    const held = [await s.acquire('a'), await s.acquire('a'), await s.acquire('a')];
    const order: string[] = [];
    for (let i = 0; i < 5; i++) void s.acquire('a').then(() => order.push('a'));
    void s.acquire('b').then(() => order.push('b'));
    held[0]!();
    await tick();
    expect(order).toEqual(['b']);
  });

  it('ends a wait at its deadline and on abort, and forgets the waiter', async () => {
    const s = new FairSemaphore(1);
    const release = await s.acquire('x');
    await expect(s.acquire('x', Date.now() + 20)).rejects.toEqual(new PermitWaitError('deadline'));
    const c = new AbortController();
    const waiting = s.acquire('x', Infinity, c.signal);
    c.abort();
    await expect(waiting).rejects.toEqual(new PermitWaitError('aborted'));
    expect(s.stats().waiting).toBe(0);
    release();
    expect(s.stats().inUse).toBe(0);
  });

  it('never holds more than its capacity under a random load', async () => {
    const s = new FairSemaphore(5, 2);
    let max = 0;
    const work = Array.from({ length: 200 }, async (_, i) => {
      const release = await s.acquire(`k${i % 7}`);
      max = Math.max(max, s.stats().inUse);
      await new Promise((r) => setTimeout(r, i % 3));
      release();
    });
    await Promise.all(work);
    expect(max).toBeLessThanOrEqual(5);
    expect(s.stats()).toEqual({ inUse: 0, waiting: 0, keys: 0 });
  });
});
