/** Why a wait for a permit ended without one. */
export type WaitEnd = 'deadline' | 'aborted';

/** Thrown to a waiter whose deadline passed or whose request was aborted before a permit was free. */
export class PermitWaitError extends Error {
  constructor(readonly reason: WaitEnd) {
    super(reason === 'deadline' ? 'no permit before the deadline' : 'the wait was aborted');
    this.name = 'PermitWaitError';
  }
}

interface Waiter {
  readonly key: string;
  readonly grant: (release: () => void) => void;
  readonly fail: (e: Error) => void;
  done: boolean;
}

/**
 * Permits (Neo4j sessions) shared by many keys (clients): at most `capacity` in use together and at
 * most `perKey` by one key. A key over its share waits even while permits are free, so others always
 * find some; a freed permit goes to the waiting key that holds the fewest (round robin among
 * equals), so a key with a hundred waiters does not make a key with one wait behind all of them. A
 * wait ends at the caller's deadline or abort signal.
 */
export class FairSemaphore {
  private inUse = 0;
  private readonly byKey = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(
    readonly capacity: number,
    readonly perKey: number = capacity,
  ) {}

  /** Permits in use now, and how many callers wait. */
  stats(): { inUse: number; waiting: number; keys: number } {
    let waiting = 0;
    for (const q of this.waiting.values()) waiting += q.length;
    return { inUse: this.inUse, waiting, keys: this.byKey.size };
  }

  /** Resolves with the release function of a permit; rejects with PermitWaitError at `deadline` or on abort. */
  acquire(key: string, deadline = Infinity, signal?: AbortSignal): Promise<() => void> {
    if (this.canGrant(key) && !this.waiting.has(key)) return Promise.resolve(this.take(key));
    if (signal?.aborted) return Promise.reject(new PermitWaitError('aborted'));
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        key,
        done: false,
        grant: (release) => {
          cleanup();
          resolve(release);
        },
        fail: (e) => {
          cleanup();
          reject(e);
        },
      };
      const give = (reason: WaitEnd): void => {
        if (waiter.done) return;
        waiter.done = true;
        const q = this.waiting.get(key);
        if (q) {
          const i = q.indexOf(waiter);
          if (i >= 0) q.splice(i, 1);
          if (q.length === 0) this.waiting.delete(key);
        }
        waiter.fail(new PermitWaitError(reason));
      };
      const onAbort = (): void => give('aborted');
      if (Number.isFinite(deadline)) timer = setTimeout(() => give('deadline'), Math.max(0, deadline - Date.now()));
      signal?.addEventListener('abort', onAbort, { once: true });
      const q = this.waiting.get(key);
      if (q) q.push(waiter);
      else this.waiting.set(key, [waiter]);
    });
  }

  private canGrant(key: string): boolean {
    return this.inUse < this.capacity && (this.byKey.get(key) ?? 0) < this.perKey;
  }

  private take(key: string): () => void {
    this.inUse += 1;
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse -= 1;
      const n = (this.byKey.get(key) ?? 1) - 1;
      if (n <= 0) this.byKey.delete(key);
      else this.byKey.set(key, n);
      this.wake();
    };
  }

  /**
   * Grants free permits to waiting keys: the key that holds the fewest permits first (a client with
   * none goes ahead of clients that already hold some), among equals the one waiting longest in
   * line; a key served moves to the end of the line.
   */
  private wake(): void {
    while (this.inUse < this.capacity && this.waiting.size > 0) {
      let best: string | undefined;
      let fewest = Infinity;
      for (const key of this.waiting.keys()) {
        const held = this.byKey.get(key) ?? 0;
        if (held < this.perKey && held < fewest) {
          best = key;
          fewest = held;
        }
      }
      if (best === undefined) return;
      const q = this.waiting.get(best) as Waiter[];
      const w = q.shift() as Waiter;
      this.waiting.delete(best);
      if (q.length > 0) this.waiting.set(best, q);
      w.done = true;
      w.grant(this.take(best));
    }
  }
}
