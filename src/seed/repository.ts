import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { PropValue } from './graph';

export interface NodeRow {
  readonly id: string;
  readonly label: string;
  readonly props: Record<string, PropValue>;
}

export interface EdgeRow {
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropValue>;
}

/** Created and changed counts per label (nodes) or type (relationships). */
export interface MergeCounts {
  readonly key: string;
  readonly created: number;
  readonly changed: number;
}

const mergeNodesQuery = query<{ label: string; created: number; changed: number }>('seed/mergeNodes');
const mergeRelationshipsQuery = query<{ type: string; created: number; changed: number; written: number }>('seed/mergeRelationships');
const mergeSourcesQuery = query<{ written: number; changed: number; removed: number }>('seed/mergeSources');
const mergeRulesQuery = query<{ written: number; changed: number; removedRules: number; removedEdges: number }>('seed/mergeRules');
const graphNodeCountQuery = query<{ count: number }>('seed/graphNodeCount');
const resampleIndexesQuery = query<Record<string, never>>('seed/resampleIndexes');
const clearQueryCachesQuery = query<{ value: string }>('seed/clearQueryCaches');

/** Merges a batch of nodes by id (properties replaced, labels set). */
export async function mergeNodes(tx: Tx, rows: readonly NodeRow[]): Promise<MergeCounts[]> {
  const result = await tx.run(mergeNodesQuery, { rows });
  return result.map((r) => ({ key: r.label, created: r.created, changed: r.changed }));
}

/** Merges a batch of relationships; throws when an end is missing (the transaction then rolls back). */
export async function mergeRelationships(tx: Tx, rows: readonly EdgeRow[]): Promise<MergeCounts[]> {
  const result = await tx.run(mergeRelationshipsQuery, { rows });
  const written = result.reduce((s, r) => s + r.written, 0);
  if (written !== rows.length) throw new Error(`only ${written} of ${rows.length} relationships found both ends`);
  return result.map((r) => ({ key: r.type, created: r.created, changed: r.changed }));
}

/** How many model nodes exist. */
export async function graphNodeCount(tx: Tx): Promise<number> {
  const [row] = await tx.run(graphNodeCountQuery);
  return row?.count ?? 0;
}

/** Refreshes index statistics and drops cached plans after a load (plans made for an empty graph are slow). */
export async function refreshPlannerStatistics(tx: Tx): Promise<void> {
  await tx.run(resampleIndexesQuery);
  await tx.run(clearQueryCachesQuery);
}

/** Writes the source registry (Source nodes) and removes entries no longer in it. */
export async function mergeSources(tx: Tx, rows: readonly Record<string, PropValue | null>[]): Promise<{ written: number; changed: number; removed: number }> {
  const [r] = await tx.run(mergeSourcesQuery, { rows });
  return { written: r?.written ?? 0, changed: r?.changed ?? 0, removed: r?.removed ?? 0 };
}

/** Writes the rules (Rule nodes), removes stale ones and the relationships no current rule makes. */
export async function mergeRules(
  tx: Tx,
  rows: readonly Record<string, PropValue | null>[],
  edgeKeys: readonly string[],
): Promise<{ written: number; changed: number; removedRules: number; removedEdges: number }> {
  const [r] = await tx.run(mergeRulesQuery, { rows, edgeKeys });
  return { written: r?.written ?? 0, changed: r?.changed ?? 0, removedRules: r?.removedRules ?? 0, removedEdges: r?.removedEdges ?? 0 };
}
