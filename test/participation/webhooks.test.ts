import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MAX_RETRY_DELAY_MS, retryDelay } from '../../src/participation/webhooks/retryDelay';
import { signBody, verifySignature } from '../../src/participation/webhooks/signBody';
import { WebhookDispatcher, type DeliveryRow, type DeliveryStore, type DispatcherOptions } from '../../src/participation/webhooks/WebhookDispatcher';

const SECRET = 'test-secret';
const T0 = new Date('2026-01-15T10:00:00.000Z');

/** A delivery as the fake outbox keeps it. */
interface Stored extends DeliveryRow {
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  nextAttemptAt: Date;
  lastError: string | null;
  lastStatus: number | null;
}

/**
 * An in-memory outbox. It ignores leases on purpose: two rounds running together would claim (and
 * send) the same deliveries, so double delivery in a test means the dispatcher overlapped rounds.
 */
class MemoryStore implements DeliveryStore {
  readonly rows = new Map<string, Stored>();
  readonly events: string[] = [];
  readonly failures: { id: string; at: Date; error: string; status: number | null; next: Date | null }[] = [];
  claimError: Error | null = null;

  add(id: string, url: string, body = `{"id":"${id}"}`, event = 'exception.granted'): void {
    this.rows.set(id, { id, url, event, body, attempts: 0, status: 'pending', nextAttemptAt: T0, lastError: null, lastStatus: null });
  }

  async claimDue(now: Date, leaseMs: number, limit: number): Promise<DeliveryRow[]> {
    this.events.push('claim');
    if (this.claimError) {
      const e = this.claimError;
      this.claimError = null;
      throw e;
    }
    expect(leaseMs).toBeGreaterThan(0);
    const due = [...this.rows.values()].filter((r) => r.status === 'pending' && r.nextAttemptAt <= now).slice(0, limit);
    return due.map(({ id, url, event, body, attempts }) => ({ id, url, event, body, attempts }));
  }

  async markDelivered(id: string, _at: Date, status: number): Promise<void> {
    this.events.push(`delivered ${id}`);
    const r = this.rows.get(id)!;
    Object.assign(r, { status: 'delivered', attempts: r.attempts + 1, lastStatus: status });
  }

  async markAttemptFailed(id: string, at: Date, error: string, status: number | null, next: Date | null): Promise<void> {
    this.events.push(`failed ${id}`);
    this.failures.push({ id, at, error, status, next });
    const r = this.rows.get(id)!;
    Object.assign(r, { attempts: r.attempts + 1, lastError: error, lastStatus: status, status: next ? 'pending' : 'failed', nextAttemptAt: next ?? r.nextAttemptAt });
  }
}

/** What the receiver saw of one POST. */
interface Received {
  readonly method: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A local receiver whose answer each test sets; `hold` keeps requests open until `release`. */
class Receiver {
  readonly seen: Received[] = [];
  answer: (req: Received, res: http.ServerResponse) => void = (_req, res) => res.writeHead(200).end('ok');
  private held: (() => void)[] = [];
  private holding = false;
  readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      this.seen.push(r);
      const reply = (): void => {
        if (!res.destroyed) this.answer(r, res);
      };
      if (this.holding) this.held.push(reply);
      else reply();
    });
  });

  url(path = '/hook'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const reply of this.held.splice(0)) reply();
  }

  reset(): void {
    this.release();
    this.seen.length = 0;
    this.answer = (_req, res) => res.writeHead(200).end('ok');
  }
}

const receiver = new Receiver();
const dispatchers: WebhookDispatcher[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  receiver.release();
  await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
  receiver.reset();
});

afterAll(async () => {
  receiver.server.closeAllConnections();
  await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
});

/** A dispatcher on a fixed clock with no jitter, stopped after the test. */
function dispatcher(store: DeliveryStore, options: Partial<DispatcherOptions> & { clock?: { now: Date } } = {}): WebhookDispatcher {
  const clock = options.clock ?? { now: T0 };
  const d = new WebhookDispatcher({ store, secret: SECRET, retryBaseMs: 1000, maxAttempts: 5, random: () => 0, now: () => clock.now, pollMs: 60_000, ...options });
  dispatchers.push(d);
  return d;
}

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A port nothing listens on: one the system just gave out and got back. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('signBody / verifySignature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the body (RFC 4231-style known value)', () => {
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('verifies only the signature of that body under that secret', () => {
    const body = '{"event":"exception.granted","note":"Größe"}';
    const header = signBody(SECRET, body);
    expect(verifySignature(SECRET, body, header)).toBe(true);
    expect(verifySignature(SECRET, `${body} `, header)).toBe(false);
    expect(verifySignature('other', body, header)).toBe(false);
    expect(verifySignature(SECRET, body, header.slice(0, -1))).toBe(false);
    expect(verifySignature(SECRET, body, header.toUpperCase())).toBe(false);
    expect(verifySignature(SECRET, body, undefined)).toBe(false);
    expect(verifySignature(SECRET, body, '')).toBe(false);
  });
});

describe('retryDelay', () => {
  it('starts at baseMs and doubles per attempt', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 1000, () => 0))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped at an hour before jitter, however many attempts', () => {
    expect(retryDelay(13, 1000, () => 0)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelay(2000, 1000, () => 0)).toBe(3_600_000);
    expect(retryDelay(2000, 1000, () => 0.5)).toBe(3_780_000);
  });

  it('adds up to 10 % jitter', () => {
    expect(retryDelay(1, 1000, () => 0.5)).toBe(1050);
    expect(retryDelay(2, 1000, () => 0.999)).toBeLessThanOrEqual(2200);
    for (let i = 0; i < 100; i++) {
      const d = retryDelay(3, 1000);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(4400);
    }
  });

  it('refuses attempts below 1', () => {
    expect(() => retryDelay(0, 1000)).toThrow(RangeError);
  });
});

describe('WebhookDispatcher', () => {
  it('POSTs the stored body byte for byte with the headers and a correct signature', async () => {
    const store = new MemoryStore();
    const body = '{ "event": "exception.granted",\n  "note": "Ausnahme für Größe ✓" }';
    store.add('d1', receiver.url(), body);
    receiver.answer = (_req, res) => res.writeHead(204).end();
    expect(await dispatcher(store).runOnce()).toBe(1);
    expect(receiver.seen).toHaveLength(1);
    const [got] = receiver.seen;
    expect(got!.method).toBe('POST');
    expect(got!.body.equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(got!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'dstack-graph-webhooks',
      'x-dstack-event': 'exception.granted',
      'x-dstack-delivery': 'd1',
    });
    expect(verifySignature(SECRET, got!.body.toString('utf8'), got!.headers['x-dstack-signature'] as string)).toBe(true);
    expect(store.rows.get('d1')).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('retries after a 500 with the base delay, and delivers when due', async () => {
    const store = new MemoryStore();
    store.add('d1', receiver.url());
    let calls = 0;
    receiver.answer = (_req, res) => res.writeHead(++calls === 1 ? 500 : 200).end();
    const clock = { now: T0 };
    const d = dispatcher(store, { clock });
    expect(await d.runOnce()).toBe(0);
    expect(store.failures).toEqual([{ id: 'd1', at: T0, error: 'HTTP 500', status: 500, next: new Date(T0.getTime() + 1000) }]);
    expect(await d.runOnce()).toBe(0); // not due yet
    expect(receiver.seen).toHaveLength(1);
    clock.now = new Date(T0.getTime() + 1000);
    expect(await d.runOnce()).toBe(1);
    expect(receiver.seen.map((r) => r.headers['x-dstack-delivery'])).toEqual(['d1', 'd1']);
    expect(store.rows.get('d1')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('retries after connection refused, the delay doubling', async () => {
    const store = new MemoryStore();
    store.add('d1', `http://127.0.0.1:${await closedPort()}/hook`);
    const clock = { now: T0 };
    const d = dispatcher(store, { clock });
    expect(await d.runOnce()).toBe(0);
    clock.now = new Date(T0.getTime() + 1000);
    expect(await d.runOnce()).toBe(0);
    expect(store.failures.map((f) => [f.status, f.next?.getTime()])).toEqual([
      [null, T0.getTime() + 1000],
      [null, T0.getTime() + 1000 + 2000],
    ]);
    expect(store.failures[0]!.error).toMatch(/ECONNREFUSED/);
    expect(store.rows.get('d1')).toMatchObject({ status: 'pending', attempts: 2 });
  });

  it('gives up after maxAttempts', async () => {
    const store = new MemoryStore();
    store.add('d1', receiver.url());
    receiver.answer = (_req, res) => res.writeHead(503).end();
    const clock = { now: T0 };
    const d = dispatcher(store, { clock, maxAttempts: 3, retryBaseMs: 10 });
    for (let i = 0; i < 4; i++) {
      expect(await d.runOnce()).toBe(0);
      clock.now = new Date(clock.now.getTime() + 60_000);
    }
    expect(receiver.seen).toHaveLength(3);
    expect(store.failures.map((f) => f.next === null)).toEqual([false, false, true]);
    expect(store.rows.get('d1')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 503', lastStatus: 503 });
  });

  it('counts a timeout and a redirect (not followed) as failed attempts', async () => {
    const store = new MemoryStore();
    store.add('slow', receiver.url('/slow'));
    store.add('moved', receiver.url('/moved'));
    receiver.answer = (req, res) => {
      if (req.headers['x-dstack-delivery'] === 'moved') res.writeHead(302, { location: '/elsewhere' }).end();
      // 'slow' is never answered: the connection stays open until the test ends.
    };
    expect(await dispatcher(store, { timeoutMs: 200 }).runOnce()).toBe(0);
    const byId = Object.fromEntries(store.failures.map((f) => [f.id, [f.error, f.status]]));
    expect(byId).toEqual({ slow: ['no answer within 200 ms', null], moved: ['HTTP 302', 302] });
    expect(receiver.seen).toHaveLength(2);
    receiver.server.closeAllConnections();
  });

  it('sends at most 4 at once', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 10; i++) store.add(`d${i}`, receiver.url());
    receiver.hold();
    const round = dispatcher(store, { batchSize: 10 }).runOnce();
    await waitFor(() => receiver.seen.length === 4, 'four POSTs');
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.seen).toHaveLength(4);
    receiver.release();
    expect(await round).toBe(10);
    expect(receiver.seen).toHaveLength(10);
  });

  it('does not deliver twice when kick() comes during a round; one more round follows', async () => {
    const store = new MemoryStore();
    store.add('a', receiver.url());
    store.add('b', receiver.url());
    receiver.hold();
    const d = dispatcher(store);
    d.kick();
    await waitFor(() => receiver.seen.length === 2, 'both POSTs');
    d.kick();
    d.kick();
    const direct = d.runOnce(); // queued behind the round under way too
    await new Promise((r) => setTimeout(r, 30));
    expect(store.events).toEqual(['claim']);
    receiver.release();
    expect(await direct).toBe(0);
    await d.stop();
    expect(receiver.seen.map((r) => r.headers['x-dstack-delivery']).sort()).toEqual(['a', 'b']);
    expect(store.events.slice(0, 3)).toEqual(['claim', expect.stringMatching(/^delivered /), expect.stringMatching(/^delivered /)]);
    expect(store.events.slice(3)).toEqual(['claim', 'claim']);
  });

  it('runs again at once after a full batch', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 5; i++) store.add(`d${i}`, receiver.url());
    const d = dispatcher(store, { batchSize: 2, pollMs: 60_000 });
    d.start();
    await waitFor(() => [...store.rows.values()].every((r) => r.status === 'delivered'), 'all five delivered');
    await waitFor(() => store.events.filter((e) => e === 'claim').length === 3, 'the third round');
    await new Promise((r) => setTimeout(r, 30));
    expect(store.events.filter((e) => e === 'claim')).toHaveLength(3); // 2, 2, 1: then it waits for pollMs
  });

  it('stop() waits for the round under way, and nothing runs after it', async () => {
    const store = new MemoryStore();
    store.add('a', receiver.url());
    receiver.hold();
    const d = dispatcher(store);
    d.start();
    await waitFor(() => receiver.seen.length === 1, 'the POST');
    let stopped = false;
    const stopping = d.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    receiver.release();
    await stopping;
    expect(store.rows.get('a')!.status).toBe('delivered');
    store.add('b', receiver.url());
    d.kick();
    await new Promise((r) => setTimeout(r, 30));
    expect(store.events).toEqual(['claim', 'delivered a']);
  });

  it('logs a store error of a round instead of throwing it out of the timer, and goes on', async () => {
    const store = new MemoryStore();
    store.add('a', receiver.url());
    store.claimError = new Error('Neo4j unavailable');
    const warn = jest.fn<(o: object, m: string) => void>();
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const d = dispatcher(store, { pollMs: 20, log: { info: () => undefined, warn } });
      d.start();
      await waitFor(() => store.rows.get('a')!.status === 'delivered', 'the delivery on the next poll');
      expect(warn).toHaveBeenCalledWith({ err: new Error('Neo4j unavailable') }, 'webhook round failed: the outbox could not be read');
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('does not keep the process alive with its timer', async () => {
    const spy = jest.spyOn(global, 'setTimeout');
    try {
      const store = new MemoryStore();
      const d = dispatcher(store, { pollMs: 60_000 });
      d.start();
      await waitFor(() => spy.mock.results.some((r) => (r.value as NodeJS.Timeout | undefined)?.hasRef?.() === false), 'an unref’d poll timer', 1000);
      const polls = spy.mock.calls.map((c, i) => [c[1], spy.mock.results[i]!.value as NodeJS.Timeout] as const).filter(([ms]) => ms === 60_000);
      expect(polls.length).toBeGreaterThan(0);
      expect(polls.every(([, t]) => !t.hasRef())).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });
});
