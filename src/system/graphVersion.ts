import type { Tx } from '../neo4j/db';
import { query, type Query } from '../neo4j/query';

const graphVersionQuery = query<{ version: number }>('system/graphVersion');
const bumpGraphVersionQuery = query<{ version: number }>('system/bumpGraphVersion');

/** The current graph version (0 before the first load). */
export async function graphVersion(tx: Tx): Promise<number> {
  const [row] = await tx.run(graphVersionQuery);
  return row?.version ?? 0;
}

/**
 * Advances the graph version in the transaction `tx` that changes the graph. Every write of the
 * model (seed, import, generator, later mutations) must call this in the same transaction.
 */
export async function bumpGraphVersion(tx: Tx, reason: string): Promise<number> {
  const [row] = await tx.run(bumpGraphVersionQuery, { reason });
  return row?.version ?? 0;
}

/**
 * The graph version a statement set, when `q` is the one bumpGraphVersion runs; otherwise null. A
 * wrapper of this process's write transactions learns from it the version their commit makes
 * (src/cache/watchOwnWrites.ts).
 */
export function versionSetBy(q: Query<unknown>, rows: readonly unknown[]): number | null {
  if (q !== bumpGraphVersionQuery) return null;
  const version = (rows[0] as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : null;
}
