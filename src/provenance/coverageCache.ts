import type { CoverageRecord } from './records';

/**
 * The coverage of the last graph version this process computed, shared across requests: it changes
 * only when a load changes the graph (which advances the graph version), and computing it is a pass
 * over every service.
 */
export class CoverageCache {
  private entry: { version: number; value: Promise<CoverageRecord> } | null = null;

  /** The cached coverage of `version`, or computes it (one computation at a time per version). */
  get(version: number, compute: () => Promise<CoverageRecord>): Promise<CoverageRecord> {
    if (this.entry?.version === version) return this.entry.value;
    const value = compute();
    this.entry = { version, value };
    // A failed computation is not kept.
    value.catch(() => {
      if (this.entry?.value === value) this.entry = null;
    });
    return value;
  }
}

/** The process's cache (one graph per process). */
export const coverageCache = new CoverageCache();
