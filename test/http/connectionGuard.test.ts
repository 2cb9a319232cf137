import { ConnectionTable, RateLimitedWarning } from '../../src/http/connectionGuard';
import { clientErrorAnswer } from '../../src/http/clientErrorHandler';

describe('ConnectionTable', () => {
  it('admits up to the total cap, then evicts the connection idle the longest', () => {
    const t = new ConnectionTable<string>({ maxConnections: 3, maxConnectionsPerAddress: 0 });
    expect(['a', 'b', 'c'].map((c) => t.admit(c, '10.0.0.1'))).toEqual([{ admit: true }, { admit: true }, { admit: true }]);
    expect(t.admit('d', '10.0.0.2')).toEqual({ admit: true, evict: 'a' });
    expect(t.admit('e', '10.0.0.2')).toEqual({ admit: true, evict: 'b' });
    expect(t.size).toBe(3);
    expect(t.countOf('10.0.0.1')).toBe(1);
    expect(t.countOf('10.0.0.2')).toBe(2);
  });

  it('never evicts a connection with a request in flight, and refuses when all have one', () => {
    const t = new ConnectionTable<string>({ maxConnections: 2, maxConnectionsPerAddress: 0 });
    t.admit('a', 'x');
    t.admit('b', 'x');
    t.requestStarted('a');
    expect(t.admit('c', 'x')).toEqual({ admit: true, evict: 'b' });
    t.requestStarted('c');
    expect(t.admit('d', 'x')).toEqual({ admit: false, reason: 'total' });
    expect(t.size).toBe(2);
    expect(t.idleCount).toBe(0);
  });

  it('orders the idle connections by when they became idle (a kept-alive one goes last)', () => {
    const t = new ConnectionTable<string>({ maxConnections: 3, maxConnectionsPerAddress: 0 });
    t.admit('a', 'x');
    t.admit('b', 'x');
    t.admit('c', 'x');
    t.requestStarted('a');
    t.requestEnded('a');
    expect(t.admit('d', 'x')).toEqual({ admit: true, evict: 'b' });
    expect(t.admit('e', 'x')).toEqual({ admit: true, evict: 'c' });
    expect(t.admit('f', 'x')).toEqual({ admit: true, evict: 'a' });
  });

  it('counts pipelined requests: idle only when the last one ended', () => {
    const t = new ConnectionTable<string>({ maxConnections: 1, maxConnectionsPerAddress: 0 });
    t.admit('a', 'x');
    t.requestStarted('a');
    t.requestStarted('a');
    t.requestEnded('a');
    expect(t.admit('b', 'x')).toEqual({ admit: false, reason: 'total' });
    t.requestEnded('a');
    expect(t.admit('b', 'x')).toEqual({ admit: true, evict: 'a' });
  });

  it('refuses a newcomer over the per-address cap before evicting anyone', () => {
    const t = new ConnectionTable<string>({ maxConnections: 3, maxConnectionsPerAddress: 2 });
    t.admit('a', 'x');
    t.admit('b', 'x');
    expect(t.admit('c', 'x')).toEqual({ admit: false, reason: 'address' });
    expect(t.admit('c', 'y')).toEqual({ admit: true });
    expect(t.admit('d', 'y')).toEqual({ admit: true, evict: 'a' });
    expect(t.countOf('x')).toBe(1);
    expect(t.admit('e', 'x')).toEqual({ admit: true, evict: 'b' });
  });

  it('forgets closed connections and their addresses; ignores what it does not know', () => {
    const t = new ConnectionTable<string>({ maxConnections: 2, maxConnectionsPerAddress: 1 });
    t.admit('a', 'x');
    expect(t.remove('a')).toBe(true);
    expect(t.remove('a')).toBe(false);
    t.requestStarted('zz');
    t.requestEnded('zz');
    expect(t.size).toBe(0);
    expect(t.countOf('x')).toBe(0);
    expect(t.admit('b', 'x')).toEqual({ admit: true });
  });

  it('handles 20,000 connections without scanning them (a flood of half-open ones against a cap of 1,000)', () => {
    const t = new ConnectionTable<number>({ maxConnections: 1000, maxConnectionsPerAddress: 0 });
    const t0 = performance.now();
    let evicted = 0;
    for (let i = 0; i < 20_000; i++) if (t.admit(i, `a${i % 7}`).admit && i >= 1000) evicted++;
    const ms = performance.now() - t0;
    expect(evicted).toBe(19_000);
    expect(t.size).toBe(1000);
    expect(ms).toBeLessThan(200);
  });
});

describe('RateLimitedWarning', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('warns at once for the first event, then at most once per interval with the sums', () => {
    const seen: unknown[] = [];
    const w = new RateLimitedWarning((c) => seen.push(c), 10_000, () => Date.now());
    w.note('evicted');
    jest.advanceTimersByTime(0);
    expect(seen).toEqual([{ refusedTotal: 0, refusedAddress: 0, evicted: 1 }]);
    w.note('evicted');
    w.note('refusedAddress');
    w.note('refusedAddress');
    jest.advanceTimersByTime(9_000);
    expect(seen).toHaveLength(1);
    jest.advanceTimersByTime(1_000);
    expect(seen).toEqual([
      { refusedTotal: 0, refusedAddress: 0, evicted: 1 },
      { refusedTotal: 0, refusedAddress: 2, evicted: 1 },
    ]);
    jest.advanceTimersByTime(60_000);
    expect(seen).toHaveLength(2);
    w.note('refusedTotal');
    jest.advanceTimersByTime(0);
    expect(seen[2]).toEqual({ refusedTotal: 1, refusedAddress: 0, evicted: 0 });
  });
});

describe('clientErrorAnswer', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', '431 Request Header Fields Too Large', 'HEADERS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', '408 Request Timeout', 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', '400 Bad Request', 'BAD_REQUEST'],
    [undefined, '400 Bad Request', 'BAD_REQUEST'],
  ])('%s: %s with a JSON body and connection: close', (code, status, errorCode) => {
    const answer = clientErrorAnswer(code);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status}\r\n`));
    expect(head).toContain('connection: close');
    expect(head).toContain(`content-length: ${Buffer.byteLength(body!)}`);
    expect(JSON.parse(body!).errors[0].extensions.code).toBe(errorCode);
  });
});
