/**
 * Runs up to `size` tasks at once (write transactions of the generator, each in its own session).
 * After a task failed it starts no other: `run` and `drain` wait for the tasks under way, then throw
 * the first failure.
 */
export class WriterPool {
  private readonly size: number;
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`writers must be an integer of at least 1, got ${size}`);
    this.size = size;
  }

  /** Starts `task` once fewer than `size` tasks run; resolves when it has started, not when it ends. */
  async run(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.size && this.failure === null) await Promise.race(this.running);
    if (this.failure !== null) return this.drain();
    const p: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Waits for every task under way; throws the first failure. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
    if (this.failure !== null) throw this.failure.error;
  }
}

/** Progress of one phase (nodes or relationships): committed rows, rows of attempts under way, and its wall time. */
export class PhaseProgress {
  /** Rows committed. */
  rows = 0;
  /** Wall time from the start of its first transaction to the commit of its last, in ms. */
  ms = 0;
  private startedAt = 0;
  private readonly attempts = new Set<{ rows: number }>();

  constructor(readonly total: number) {}

  /** Marks the start of the phase (the first call counts). */
  start(): void {
    if (this.startedAt === 0) this.startedAt = Date.now();
  }

  /** A counter for the rows of one transaction under way (set it to 0 when an attempt starts again). */
  underWay(): { rows: number } {
    const attempt = { rows: 0 };
    this.attempts.add(attempt);
    return attempt;
  }

  /** Drops a transaction's counter once it committed or failed. */
  settled(attempt: { rows: number }): void {
    this.attempts.delete(attempt);
  }

  /** Counts a committed transaction's rows. */
  committed(rows: number): void {
    this.rows += rows;
    this.ms = Date.now() - this.startedAt;
  }

  /** Rows committed plus the rows written by the transactions under way. */
  done(): number {
    let n = this.rows;
    for (const a of this.attempts) n += a.rows;
    return n;
  }
}
