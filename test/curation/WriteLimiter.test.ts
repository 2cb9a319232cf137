import { WriteLimiter } from '../../src/curation/WriteLimiter';

/** A clock the test moves by hand (milliseconds). */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** The answers of `n` takes for `subject`. */
const takes = (limiter: WriteLimiter, subject: string, n: number): number[] => Array.from({ length: n }, () => limiter.take(subject));

describe('WriteLimiter', () => {
  it('allows a minute’s worth at once, then answers the seconds until the next write', () => {
    const c = clock();
    const limiter = new WriteLimiter(3, c.now);
    expect(takes(limiter, 'alice', 5)).toEqual([0, 0, 0, 20, 20]);
  });

  it('keeps one bucket per subject', () => {
    const c = clock();
    const limiter = new WriteLimiter(2, c.now);
    expect(takes(limiter, 'alice', 3)).toEqual([0, 0, 30]);
    expect(takes(limiter, 'bob', 3)).toEqual([0, 0, 30]);
    expect(limiter.take('alice')).toBe(30);
  });

  it('refills continuously: the retry shrinks as time passes, and a write is allowed when it is due', () => {
    const c = clock();
    const limiter = new WriteLimiter(2, c.now);
    takes(limiter, 'alice', 2);
    c.advance(10_000);
    expect(limiter.take('alice')).toBe(20);
    c.advance(19_999);
    expect(limiter.take('alice')).toBe(1);
    c.advance(1);
    expect(limiter.take('alice')).toBe(0);
    expect(limiter.take('alice')).toBe(30);
  });

  it('rounds the retry up to whole seconds', () => {
    const c = clock();
    const limiter = new WriteLimiter(7, c.now);
    takes(limiter, 'alice', 7);
    // One write every 60/7 = 8.57 s.
    expect(limiter.take('alice')).toBe(9);
    c.advance(8_571);
    expect(limiter.take('alice')).toBe(1);
    c.advance(1);
    expect(limiter.take('alice')).toBe(0);
  });

  it('refills no more than a minute’s worth, however long a subject was quiet', () => {
    const c = clock();
    const limiter = new WriteLimiter(2, c.now);
    takes(limiter, 'alice', 2);
    c.advance(60 * 60_000);
    expect(takes(limiter, 'alice', 3)).toEqual([0, 0, 30]);
  });

  it('does not count refused attempts as writes', () => {
    const c = clock();
    const limiter = new WriteLimiter(1, c.now);
    expect(takes(limiter, 'alice', 4)).toEqual([0, 60, 60, 60]);
    c.advance(60_000);
    expect(takes(limiter, 'alice', 2)).toEqual([0, 60]);
  });

  it('does not limit at 0 (or below)', () => {
    const c = clock();
    for (const perMinute of [0, -1]) {
      const limiter = new WriteLimiter(perMinute, c.now);
      expect(takes(limiter, 'alice', 1000).every((r) => r === 0)).toBe(true);
    }
  });
});
