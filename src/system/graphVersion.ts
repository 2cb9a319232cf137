import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';

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
