import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { EvidenceValue, NeighbourRow, SubgraphNodeRow } from './records';

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

const shortestPathQuery = query<{ nodes: Raw[]; relationships: { type: string; from: string; to: string }[]; evidence: EvidenceValue }>('explore/shortestPath');
const alternativesQuery = query<{ alternative: Record<string, unknown>; labels: string[]; relationship: Record<string, unknown>; affected: number }>('explore/alternatives');
const neighboursQuery = query<NeighbourRow>('explore/neighbours');
const subgraphNodesQuery = query<SubgraphNodeRow & { id: string }>('explore/subgraphNodes');

/** A shortest undirected path between two different nodes, or null. */
export async function shortestPath(
  tx: Tx,
  from: string,
  to: string,
  maxDepth: number,
  sourcedOnly = false,
): Promise<{ nodes: NodeRecord[]; relationships: { type: string; from: string; to: string }[]; evidence: EvidenceValue } | null> {
  const [row] = await tx.run(shortestPathQuery, { from, to, maxDepth: intParam(maxDepth), sourcedOnly });
  return row ? { nodes: row.nodes.map(rec), relationships: row.relationships, evidence: row.evidence } : null;
}

/** The first `first` alternatives of a node (by name, then id) with guidance and the number of services each would affect. */
export async function alternatives(tx: Tx, id: string, first: number): Promise<{ alternative: NodeRecord; relationship: Record<string, unknown>; affected: number }[]> {
  const rows = await tx.run(alternativesQuery, { id, first: intParam(first) });
  return rows.map((r) => ({ alternative: toNodeRecord(r.alternative, r.labels), relationship: r.relationship, affected: r.affected }));
}

/**
 * One level of a subgraph: the relationships of `ids` (of `types`, or all) except those to `previous`
 * (the level before), each once, sorted by start id, type and end id, at most `limit`, each with its
 * two ends as drawn.
 */
export async function neighbours(tx: Tx, ids: readonly string[], types: readonly string[] | null, previous: readonly string[], limit: number): Promise<NeighbourRow[]> {
  return tx.run(neighboursQuery, { ids, types, previous, limit: intParam(limit) });
}

/** The nodes of a subgraph as drawn (id, label, name, evidence), in any order; unknown ids are left out. */
export async function subgraphNodes(tx: Tx, ids: readonly string[]): Promise<(SubgraphNodeRow & { id: string })[]> {
  return tx.run(subgraphNodesQuery, { ids });
}
