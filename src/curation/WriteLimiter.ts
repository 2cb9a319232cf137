/**
 * The writes one user may make per minute: a bucket per subject that holds a minute's worth and
 * refills continuously (0: no limit). Kept per process, like the other fair shares.
 */
export class WriteLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one write for `subject`: 0 when allowed, else the seconds until the next one is. */
  take(subject: string): number {
    if (this.perMinute <= 0) return 0;
    const t = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(subject) ?? { tokens: this.perMinute, at: t };
    const tokens = Math.min(this.perMinute, b.tokens + (t - b.at) * rate);
    if (tokens < 1) {
      this.buckets.set(subject, { tokens, at: t });
      return Math.ceil((1 - tokens) / rate / 1000);
    }
    this.buckets.set(subject, { tokens: tokens - 1, at: t });
    if (this.buckets.size > 100_000) this.prune(t, rate);
    return 0;
  }

  /** Forgets full buckets (their users have been quiet for a minute or more). */
  private prune(t: number, rate: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * rate >= this.perMinute) this.buckets.delete(k);
  }
}
