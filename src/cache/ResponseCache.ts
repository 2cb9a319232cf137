import { createHash } from 'node:crypto';

/**
 * The key of a query's answer: the graph version, the day (answers that depend on it, such as an
 * exception's end date, change at midnight), the query text, the operation name as the request
 * sent it, and the variables. The Apollo plugin and the HTTP front (src/cache/cachedAnswers.ts)
 * both key by it, so either finds what the other stored.
 */
export function answerKey(version: number, day: string, query: string, operationName: string | null | undefined, variables: unknown): string {
  return ResponseCache.key(version, `${day}\n${query}`, operationName, variables);
}

/** One cached answer: the result a client got, its size in bytes (as JSON), and its HTTP body once made. */
interface Entry {
  readonly result: unknown;
  readonly bytes: number;
  body?: string;
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
    return this.entry(key)?.result;
  }

  /**
   * The HTTP body of the cached answer under `key`, as Apollo Server writes a single result (its
   * fields in the order errors, data, extensions; JSON and a newline): made once per entry, so a
   * repeated read does not serialise the answer again.
   */
  body(key: string): string | undefined {
    const e = this.entry(key);
    if (!e) return undefined;
    if (e.body === undefined) {
      const r = e.result as { errors?: unknown; data?: unknown; extensions?: unknown };
      e.body = `${JSON.stringify({ errors: r.errors, data: r.data, extensions: r.extensions })}\n`;
    }
    return e.body;
  }

  private entry(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e;
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
