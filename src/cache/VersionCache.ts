/**
 * A value computed for the last graph version this process saw, shared across requests: it changes
 * only when a load changes the graph (which advances the graph version). One computation at a time
 * per version; a failed computation is not kept.
 */
export class VersionCache<T> {
  private entry: { version: number; value: Promise<T> } | null = null;

  /** The cached value of `version`, or computes it. */
  get(version: number, compute: () => Promise<T>): Promise<T> {
    if (this.entry?.version === version) return this.entry.value;
    const value = compute();
    this.entry = { version, value };
    value.catch(() => {
      if (this.entry?.value === value) this.entry = null;
    });
    return value;
  }
}
