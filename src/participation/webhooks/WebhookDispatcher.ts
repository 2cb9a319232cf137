import { retryDelay } from './retryDelay';
import { signBody } from './signBody';

/** A queued notification, as claimed from the outbox: `attempts` made before this one. */
export interface DeliveryRow {
  readonly id: string;
  readonly url: string;
  readonly event: string;
  readonly body: string;
  readonly attempts: number;
}

/** The outbox of webhook deliveries (kept in Neo4j). */
export interface DeliveryStore {
  /** Deliveries due now (pending, nextAttemptAt <= now), claimed for `leaseMs` so another process does not send them too; at most `limit`. */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<DeliveryRow[]>;
  /** A delivered notification, with the receiver's HTTP status. */
  markDelivered(id: string, at: Date, status: number): Promise<void>;
  /** A failed attempt: `next` null when attempts are used up (status failed). */
  markAttemptFailed(id: string, at: Date, error: string, status: number | null, next: Date | null): Promise<void>;
}

/** What the dispatcher logs to (a pino logger fits). */
export interface DispatcherLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

/** How the dispatcher sends. */
export interface DispatcherOptions {
  readonly store: DeliveryStore;
  /** The HMAC key of `x-dstack-signature`. */
  readonly secret: string;
  /** The wait after a first failed attempt; it doubles per attempt (see retryDelay). */
  readonly retryBaseMs: number;
  /** Attempts before a delivery is given up (status failed). */
  readonly maxAttempts: number;
  /** Per POST; default 10,000. */
  readonly timeoutMs?: number;
  /** Between rounds that found nothing to do; default 1,000. */
  readonly pollMs?: number;
  /** Deliveries claimed per round; default 20. */
  readonly batchSize?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  /** The jitter source of retryDelay; default Math.random. */
  readonly random?: () => number;
  readonly log?: DispatcherLog;
}

/** POSTs sent at once within a round. */
export const DELIVERY_CONCURRENCY = 4;

const QUIET: DispatcherLog = { info: () => undefined, warn: () => undefined };

/** What one round did. */
interface Round {
  readonly claimed: number;
  readonly delivered: number;
  /** A store call failed while recording: do not go again at once. */
  readonly storeFailed: boolean;
}

/**
 * Delivers the queued webhook notifications: each round claims due deliveries from the store (a lease
 * long enough for the whole round) and POSTs them, at most four at once, signed; 2xx is delivered,
 * anything else (another status, a network error, a timeout) a failed attempt retried with growing
 * delays until `maxAttempts`. Receivers dedupe by `x-dstack-delivery`: a delivery whose answer was
 * lost is sent again. Rounds never overlap; a full batch is followed by another round at once, else
 * the next comes after `pollMs` or a `kick()`. The timer does not keep the process alive.
 */
export class WebhookDispatcher {
  private readonly timeoutMs: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly send: (url: string, init: RequestInit) => Promise<Response>;
  private readonly now: () => Date;
  private readonly log: DispatcherLog;
  private started = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  /** The loop of rounds under way (started by the timer or kick), or null. */
  private driving: Promise<void> | null = null;
  /** A kick came during the loop: go round once more. */
  private again = false;
  /** The end of the last round queued: rounds run one after the other. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: DispatcherOptions) {
    this.timeoutMs = o.timeoutMs ?? 10_000;
    this.pollMs = o.pollMs ?? 1000;
    this.batchSize = o.batchSize ?? 20;
    if (!Number.isInteger(o.maxAttempts) || o.maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${o.maxAttempts}`);
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    // The lease covers a round whose every POST times out, plus a margin for recording.
    this.leaseMs = this.timeoutMs * Math.ceil(this.batchSize / DELIVERY_CONCURRENCY) + 30_000;
    const send = o.fetch ?? fetch;
    this.send = (url, init) => send(url, init); // called unbound, as fetch expects
    this.now = o.now ?? (() => new Date());
    this.log = o.log ?? QUIET;
  }

  /** Starts polling (a round at once, then every `pollMs` while idle). */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.kick();
  }

  /** Runs a round now (after a commit that queued something); during a round, one more follows it. */
  kick(): void {
    if (this.stopped) return;
    if (this.driving) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.driving = this.drive().finally(() => {
      this.driving = null;
      // A kick between the loop's last check and here would otherwise wait for the timer.
      if (this.again) this.kick();
      else this.schedule();
    });
  }

  /** Stops polling and waits for the round under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.driving;
    await this.tail;
  }

  /** One round: claim, POST each (in parallel, at most 4 at once), record. Resolves with how many were delivered. */
  async runOnce(): Promise<number> {
    return (await this.queueRound()).delivered;
  }

  /** Queues a round behind the one under way, so that rounds never overlap. */
  private queueRound(): Promise<Round> {
    const round = this.tail.then(() => this.round());
    this.tail = round.catch(() => undefined);
    return round;
  }

  /** Rounds until one finds less than a full batch and no kick came meanwhile; errors are logged. */
  private async drive(): Promise<void> {
    do {
      this.again = false;
      try {
        const r = await this.queueRound();
        if (r.claimed >= this.batchSize && !r.storeFailed) this.again = true;
      } catch (e) {
        this.log.warn({ err: e }, 'webhook round failed: the outbox could not be read');
      }
    } while (this.again && !this.stopped);
  }

  private schedule(): void {
    if (!this.started || this.stopped || this.driving || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, this.pollMs);
    this.timer.unref();
  }

  private async round(): Promise<Round> {
    const rows = await this.o.store.claimDue(this.now(), this.leaseMs, this.batchSize);
    let next = 0;
    let delivered = 0;
    let storeFailed = false;
    const worker = async (): Promise<void> => {
      while (next < rows.length) {
        const row = rows[next++]!;
        try {
          if (await this.deliver(row)) delivered++;
        } catch (e) {
          storeFailed = true;
          this.log.warn({ err: e, delivery: row.id }, 'webhook delivery could not be recorded');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, rows.length) }, worker));
    return { claimed: rows.length, delivered, storeFailed };
  }

  /** Sends one delivery and records the outcome; true when delivered. Throws only when the store does. */
  private async deliver(row: DeliveryRow): Promise<boolean> {
    const started = Date.now();
    let status: number | null = null;
    let error = '';
    try {
      const res = await this.send(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'dstack-graph-webhooks',
          'x-dstack-event': row.event,
          'x-dstack-delivery': row.id,
          'x-dstack-signature': signBody(this.o.secret, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (e) {
      error = describeError(e, this.timeoutMs);
    }
    if (!error && status !== null) {
      await this.o.store.markDelivered(row.id, this.now(), status);
      this.log.info({ delivery: row.id, event: row.event, status, ms: Date.now() - started }, 'webhook delivered');
      return true;
    }
    const at = this.now();
    const attempt = row.attempts + 1;
    const next = attempt >= this.o.maxAttempts ? null : new Date(at.getTime() + retryDelay(attempt, this.o.retryBaseMs, this.o.random));
    await this.o.store.markAttemptFailed(row.id, at, error, status, next);
    this.log.warn({ delivery: row.id, event: row.event, attempt, status, error, next: next?.toISOString() ?? null }, next ? 'webhook attempt failed' : 'webhook delivery given up');
    return false;
  }
}

/** A short reason for a failed POST: the timeout, or the network error and its cause's code. */
function describeError(e: unknown, timeoutMs: number): string {
  // Duck-typed, not instanceof: fetch's errors may come from another realm (test sandboxes).
  const err = (typeof e === 'object' && e !== null ? e : {}) as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const message = typeof err.message === 'string' ? err.message : String(e);
  const cause = typeof err.cause === 'object' && err.cause !== null ? err.cause : {};
  const detail = typeof cause.code === 'string' ? cause.code : typeof cause.message === 'string' ? cause.message : '';
  return (detail ? `${message}: ${detail}` : message).slice(0, 500);
}
