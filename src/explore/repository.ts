import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { EvidenceValue, SubgraphFields, SubgraphLevelRows, SubgraphNodeRow } from './records';

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

const shortestPathQuery = query<{ nodes: Raw[]; relationships: { type: string; from: string; to: string }[]; evidence: EvidenceValue }>('explore/shortestPath');
const alternativesQuery = query<{ alternative: Record<string, unknown>; labels: string[]; relationship: Record<string, unknown>; affected: number }>('explore/alternatives');
const subgraphQuery = query<{ origins: (SubgraphNodeRow & { id: string })[]; levels: SubgraphLevelRows[] }>('explore/subgraph');

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
 * The levels of the neighbourhood of `origins` up to `depth` hops over `types` (null: all), in one
 * statement: the origins that exist as drawn, and per level (1..depth) its relationships (each once,
 * sorted by start id, type and end id, at most `limit`) with their ends as drawn. A level is read only
 * while the levels before it were not cut and hold at most `bound` distinct edges. Values that
 * `fields` leaves out come back null.
 */
export async function subgraphLevels(
  tx: Tx,
  origins: readonly string[],
  depth: number,
  types: readonly string[] | null,
  limit: number,
  bound: number,
  fields: SubgraphFields,
): Promise<{ origins: (SubgraphNodeRow & { id: string })[]; levels: SubgraphLevelRows[] }> {
  const [row] = await tx.run(subgraphQuery, { ids: origins, depth: intParam(depth), types, limit: intParam(limit), bound: intParam(bound), ...fields });
  return { origins: row?.origins ?? [], levels: (row?.levels ?? []).slice(0, depth) };
}
