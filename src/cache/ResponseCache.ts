import { createHash } from 'node:crypto';

/** One cached answer: the result a client got, and its size in bytes (as JSON). */
interface Entry {
  readonly result: unknown;
  readonly bytes: number;
}

/**
 * A byte-bounded LRU of GraphQL answers. Keys include the graph version, so an answer cached
 * under one version is never found under another: a change of the graph makes every older entry
 * unreachable (they age out), without any invalidation message between processes.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxBytes: number) {}

  /** The key of an operation with its variables under a graph version. */
  static key(version: number, query: string, operationName: string | null | undefined, variables: unknown): string {
    return createHash('sha256')
      .update(`${version}\u0000${operationName ?? ''}\u0000${query}\u0000${JSON.stringify(variables ?? {})}`)
      .digest('base64url');
  }

  get(key: string): unknown {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e.result;
  }

  set(key: string, result: unknown): void {
    const bytes = Buffer.byteLength(JSON.stringify(result));
    // An answer larger than a quarter of the cache would push out everything else.
    if (bytes > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { result, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
