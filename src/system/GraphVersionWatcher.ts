import { performance } from 'node:perf_hooks';
import type { GraphVersionState } from './records';

export interface GraphVersionWatcherOptions {
  /** How old the known version may be before a call reads it again, in ms (0: every call reads). */
  readonly maxAgeMs: number;
  /** A monotonic clock in ms (default `performance.now`); tests pass their own. */
  readonly now?: () => number;
  /**
   * Read the version ahead, every `maxAgeMs / 2`, for as long as calls came in the last this many
   * ms (0 or absent: never; the server uses it): a steady stream of requests then never waits for
   * the read, while an idle process reads nothing.
   */
  readonly keepFreshMs?: number;
}

/** The version as last learnt: from a read that started at `at`, or from a commit of this process told at `at`. */
interface Known {
  readonly version: number;
  readonly at: number;
  /** False once this process wrote and the version its write made is not known. */
  readonly valid: boolean;
  /** The same settled promise for every caller while the version is fresh. */
  readonly promise: Promise<number>;
}

/** A read under way: when it started, and the generation it belongs to (see `generation`). */
interface Pending {
  readonly startedAt: number;
  readonly generation: number;
  readonly promise: Promise<number>;
}

/**
 * The graph version as this process knows it, without a round trip per request. One per process
 * (src/server.ts). The version is read only when a caller asks for it and what is known is older
 * than `maxAgeMs`; callers meanwhile share one read. So a version handed out reflects every commit
 * made more than `maxAgeMs` before the call, whoever made it; this process's own commits are told
 * at once (`written`, `changed`: src/cache/watchOwnWrites.ts), so it never hands out a version
 * older than its own last write. Reads go through the process's Db, whose one bookmark manager keeps
 * them causal. A failed read is not kept: the call rejects (the caller falls back to what it did
 * without a version) and the next call reads again. With `keepFreshMs` an unref'd timer reads the
 * version ahead while calls keep coming (each read on this machine is a transaction of about 2.5 ms
 * that a request would otherwise wait for) and stops once they stop; `close()` ends it.
 */
export class GraphVersionWatcher {
  readonly maxAgeMs: number;
  private readonly now: () => number;
  private known: Known | null = null;
  private pending: Pending | null = null;
  /** Advanced by every write of this process: a read that started before it says nothing about after it. */
  private generation = 0;
  private closed = false;
  private readonly keepFreshMs: number;
  private lastCall = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly read: () => Promise<number>,
    options: GraphVersionWatcherOptions,
  ) {
    if (!(options.maxAgeMs >= 0)) throw new RangeError(`maxAgeMs must be 0 or more, got ${options.maxAgeMs}`);
    this.maxAgeMs = options.maxAgeMs;
    this.now = options.now ?? (() => performance.now());
    this.keepFreshMs = options.keepFreshMs ?? 0;
  }

  /**
   * The current graph version, at most `maxAgeMs` old: at once (a settled promise) when the known
   * one is that fresh, else after one read shared with the other callers. Rejects when the read fails.
   */
  current(): Promise<number> {
    if (this.closed) return this.read();
    const now = this.now();
    this.lastCall = now;
    if (this.keepFreshMs > 0 && this.maxAgeMs > 0 && this.timer === null) this.keepFresh();
    const known = this.known;
    if (known?.valid && now - known.at < this.maxAgeMs) return known.promise;
    const pending = this.pending;
    if (pending && pending.generation === this.generation && now - pending.startedAt < this.maxAgeMs) return pending.promise;
    return this.refresh(now);
  }

  /** A write of this process committed and made `version`: known from now on, without a read. */
  written(version: number): void {
    this.generation++;
    // Versions only grow: of two commits told out of order, the later version stands.
    const v = this.known?.valid && this.known.version > version ? this.known.version : version;
    this.known = { version: v, at: this.now(), valid: true, promise: Promise.resolve(v) };
  }

  /** A write of this process may have changed the version, which is not known: the next call reads. */
  changed(): void {
    this.generation++;
    if (this.known) this.known = { ...this.known, valid: false };
  }

  /** What is known now: the version, how old that knowledge is (ms) and the bound. */
  state(): GraphVersionState {
    const known = this.known;
    return { version: known?.version ?? null, ageMs: known ? Math.max(0, Math.round(this.now() - known.at)) : null, maxAgeMs: this.maxAgeMs };
  }

  /** The state once the version is current (a failed read leaves what was known before). */
  async report(): Promise<GraphVersionState> {
    await this.current().catch(() => undefined);
    return this.state();
  }

  /** Forgets the version: every later call reads for itself (the server is stopping). */
  close(): void {
    this.closed = true;
    this.known = null;
    this.pending = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Whether the timer that reads the version ahead is running (for tests and `about`). */
  get keepingFresh(): boolean {
    return this.timer !== null;
  }

  /** Reads the version every maxAgeMs / 2 while calls keep coming; stops after keepFreshMs without one. */
  private keepFresh(): void {
    this.timer = setInterval(() => this.tick(), Math.max(5, Math.floor(this.maxAgeMs / 2)));
    this.timer.unref();
  }

  /** One beat of the timer: stop when idle, else read unless a read of this generation is under way. */
  tick(): void {
    const now = this.now();
    if (this.closed || now - this.lastCall > this.keepFreshMs) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      return;
    }
    const pending = this.pending;
    if (pending && pending.generation === this.generation) return;
    // A failed read is what a caller would have met too: the next call or beat reads again.
    this.refresh(now).catch(() => undefined);
  }

  private refresh(startedAt: number): Promise<number> {
    const generation = this.generation;
    const promise = this.read().then(
      (version) => {
        if (this.pending?.promise === promise) this.pending = null;
        // Kept only when no write of this process came in between and no later read is known already.
        if (!this.closed && generation === this.generation && (!this.known || startedAt >= this.known.at)) {
          this.known = { version, at: startedAt, valid: true, promise };
        }
        return version;
      },
      (error: unknown) => {
        if (this.pending?.promise === promise) this.pending = null;
        throw error;
      },
    );
    this.pending = { startedAt, generation, promise };
    return promise;
  }
}
