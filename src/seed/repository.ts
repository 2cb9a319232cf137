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

/** A node or relationship a merge created or changed (with the names of the changed properties). */
export interface MergeChange {
  readonly entity: 'node' | 'relationship';
  /** Node id, or `TYPE|from|to` for a relationship. */
  readonly key: string;
  /** Label of the node, or type of the relationship. */
  readonly kind: string;
  readonly from?: string;
  readonly to?: string;
  readonly created: boolean;
  readonly fields: readonly string[];
}

const mergeNodesQuery = query<{ id: string; label: string; created: boolean; fields: string[] }>('seed/mergeNodes');
const mergeRelationshipsQuery = query<{ changes: { type: string; from: string; to: string; created: boolean; fields: string[] }[]; written: number }>('seed/mergeRelationships');
const seedManifestQuery = query<{ nodeIds: string[]; edgeKeys: string[] }>('seed/seedManifest');
const writeSeedManifestQuery = query<{ nodes: number }>('seed/writeSeedManifest');
const pruneNodesQuery = query<{ id: string; label: string }>('seed/pruneNodes');
const pruneRelationshipsQuery = query<{ deleted: number }>('seed/pruneRelationships');
const recordLoadQuery = query<{ id: string }>('seed/recordLoad');
const recordChangesQuery = query<{ written: number }>('seed/recordChanges');
const mergeSourcesQuery = query<{ written: number; changed: number; removed: number }>('seed/mergeSources');
const mergeRulesQuery = query<{ written: number; changed: number; removedRules: number; removedEdges: number }>('seed/mergeRules');
const graphNodeCountQuery = query<{ count: number }>('seed/graphNodeCount');
const resampleIndexesQuery = query<Record<string, never>>('seed/resampleIndexes');
const clearQueryCachesQuery = query<{ value: string }>('seed/clearQueryCaches');

/** Merges a batch of nodes by id (properties replaced, labels set); returns what it created or changed. */
export async function mergeNodes(tx: Tx, rows: readonly NodeRow[]): Promise<MergeChange[]> {
  const result = await tx.run(mergeNodesQuery, { rows });
  return result.map((r) => ({ entity: 'node', key: r.id, kind: r.label, created: r.created, fields: r.fields }));
}

/** Merges a batch of relationships; throws when an end is missing (the transaction then rolls back). */
export async function mergeRelationships(tx: Tx, rows: readonly EdgeRow[]): Promise<MergeChange[]> {
  const [r] = await tx.run(mergeRelationshipsQuery, { rows });
  const written = r?.written ?? 0;
  if (written !== rows.length) throw new Error(`only ${written} of ${rows.length} relationships found both ends`);
  return (r?.changes ?? []).map((c) => ({ entity: 'relationship', key: `${c.type}|${c.from}|${c.to}`, kind: c.type, from: c.from, to: c.to, created: c.created, fields: c.fields }));
}

/** What the last seed load wrote, or null before the first load that recorded it. */
export async function seedManifest(tx: Tx): Promise<{ nodeIds: string[]; edgeKeys: string[] } | null> {
  const [r] = await tx.run(seedManifestQuery);
  return r ?? null;
}

/** Records what this seed load wrote. */
export async function writeSeedManifest(tx: Tx, nodeIds: readonly string[], edgeKeys: readonly string[]): Promise<void> {
  await tx.run(writeSeedManifestQuery, { nodeIds, edgeKeys });
}

/** Deletes nodes (with their relationships) by id; returns those deleted. */
export async function pruneNodes(tx: Tx, ids: readonly string[]): Promise<{ id: string; label: string }[]> {
  return ids.length === 0 ? [] : tx.run(pruneNodesQuery, { ids });
}

/** Deletes relationships by type and ends; returns how many. */
export async function pruneRelationships(tx: Tx, rows: readonly { type: string; from: string; to: string }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const [r] = await tx.run(pruneRelationshipsQuery, { rows });
  return r?.deleted ?? 0;
}

/** One entry of the change log. */
export interface ChangeRow {
  readonly seq: number;
  readonly op: 'added' | 'removed' | 'changed';
  readonly entity: 'node' | 'relationship';
  readonly key: string;
  readonly label: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly fields: readonly string[];
}

/** Records a load and its changes. */
export async function recordLoad(tx: Tx, load: Record<string, PropValue | null>, changes: readonly ChangeRow[], batch = 2000): Promise<void> {
  await tx.run(recordLoadQuery, { load });
  for (let i = 0; i < changes.length; i += batch) {
    await tx.run(recordChangesQuery, { load: load.id, at: load.at, rows: changes.slice(i, i + batch) });
  }
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
