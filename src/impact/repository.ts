import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { CompiledStatement } from '../graph/projection/statements';

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

const impactedComponentsQuery = query<{ component: Record<string, unknown>; labels: string[]; distance: number; evidence: 'sourced' | 'inferred'; path: Raw[] }>('impact/impactedComponents');
const impactedServicesQuery = query<{ service: Record<string, unknown>; labels: string[]; distance: number; via: string; evidence: 'sourced' | 'inferred' }>('impact/impactedServices');
const impactSummaryQuery = query<{
  byLayer: (Raw & { count: number })[];
  byLifeSituation: (Raw & { count: number })[];
  byTopic: (Raw & { count: number })[];
  organizations: (Raw & { relations: string[] })[];
}>('impact/impactSummary');
const dependencyTreeQuery = query<{ node: Record<string, unknown>; labels: string[]; distance: number; evidence: 'sourced' | 'inferred'; parent: Record<string, unknown>; parentLabels: string[]; relationship: string }>(
  'impact/dependencyTree',
);
const shortestPathQuery = query<{ nodes: Raw[]; relationships: { type: string; from: string; to: string }[]; evidence: 'sourced' | 'inferred' }>('impact/shortestPath');
const alternativesQuery = query<{ alternative: Record<string, unknown>; labels: string[]; relationship: Record<string, unknown>; affected: number }>('impact/alternatives');
const complianceQuery = query<{
  requirement: Record<string, unknown>;
  requirementLabels: string[];
  via: Record<string, unknown>;
  viaLabels: string[];
  targetCount: number;
  missing: Raw[];
  exception: Record<string, unknown> | null;
}>('impact/compliance');
const compatibilityQuery = query<{ item: Record<string, unknown>; labels: string[]; cells: { stackId: string; status: string | null; role: string | null }[] }>('impact/compatibility');
const adoptionQuery = query<{ node: Record<string, unknown>; labels: string[]; organizations: number; byStatus: { status: string; count: number }[] }>('impact/adoption');
const neighboursQuery = query<NeighbourRow>('impact/neighbours');
const subgraphNodesQuery = query<{ id: string; label: string; name: string; evidence: unknown }>('impact/subgraphNodes');

/** A relationship of a subgraph level. */
export interface NeighbourRow {
  source: string;
  target: string;
  type: string;
  evidence: string | null;
  provenance: string | null;
}

export interface ImpactedComponentRecord {
  readonly component: NodeRecord;
  readonly distance: number;
  readonly evidence: 'sourced' | 'inferred';
  readonly path: NodeRecord[];
}

/** Runs a compiled impact statement (src/impact/impactStatement.ts): one row, or none for an unknown origin. */
export async function runImpactStatement(tx: Tx, statement: CompiledStatement): Promise<Record<string, unknown>[]> {
  return tx.runText(statement.text, statement.params, `compiled:${statement.name ?? 'impact'}`);
}

/** Components that reach the origin within maxDepth hops, nearest first. */
export async function impactedComponents(tx: Tx, id: string, maxDepth: number, sourcedOnly = false): Promise<ImpactedComponentRecord[]> {
  const rows = await tx.run(impactedComponentsQuery, { id, maxDepth: intParam(maxDepth), sourcedOnly });
  return rows.map((r) => ({ component: toNodeRecord(r.component, r.labels), distance: r.distance, evidence: r.evidence, path: r.path.map(rec) }));
}

/** Services using any of the hit nodes, each with its nearest hit node. */
export async function impactedServices(
  tx: Tx,
  hits: readonly { id: string; distance: number; evidence: 'sourced' | 'inferred' }[],
  sourcedOnly = false,
): Promise<{ service: NodeRecord; distance: number; viaId: string; evidence: 'sourced' | 'inferred' }[]> {
  const rows = await tx.run(impactedServicesQuery, { hits: hits.map((h) => ({ id: h.id, distance: intParam(h.distance), evidence: h.evidence })), sourcedOnly });
  return rows.map((r) => ({ service: toNodeRecord(r.service, r.labels), distance: r.distance, viaId: r.via, evidence: r.evidence }));
}

export interface ImpactSummaryRows {
  readonly byLayer: { node: NodeRecord; count: number }[];
  readonly byLifeSituation: { node: NodeRecord; count: number }[];
  readonly byTopic: { node: NodeRecord; count: number }[];
  readonly organizations: { organization: NodeRecord; relations: string[] }[];
}

/** Layer, topic, life situation and organisation counts of an impact. */
export async function impactSummary(tx: Tx, nodeIds: readonly string[], serviceIds: readonly string[]): Promise<ImpactSummaryRows> {
  const [row] = await tx.run(impactSummaryQuery, { nodeIds, serviceIds });
  if (!row) return { byLayer: [], byLifeSituation: [], byTopic: [], organizations: [] };
  return {
    byLayer: row.byLayer.map((r) => ({ node: rec(r), count: r.count })),
    byLifeSituation: row.byLifeSituation.map((r) => ({ node: rec(r), count: r.count })),
    byTopic: row.byTopic.map((r) => ({ node: rec(r), count: r.count })),
    organizations: row.organizations.map((r) => ({ organization: rec(r), relations: [...r.relations].sort() })),
  };
}

/** The forward dependency tree of a node: the first `limit` entries, nearest first, then by name and id. */
export async function dependencyTree(
  tx: Tx,
  id: string,
  maxDepth: number,
  sourcedOnly: boolean,
  limit: number,
): Promise<{ node: NodeRecord; distance: number; evidence: 'sourced' | 'inferred'; parent: NodeRecord; relationship: string }[]> {
  const rows = await tx.run(dependencyTreeQuery, { id, maxDepth: intParam(maxDepth), sourcedOnly, limit: intParam(limit) });
  return rows.map((r) => ({ node: toNodeRecord(r.node, r.labels), distance: r.distance, evidence: r.evidence, parent: toNodeRecord(r.parent, r.parentLabels), relationship: r.relationship }));
}

/** A shortest undirected path between two different nodes, or null. */
export async function shortestPath(
  tx: Tx,
  from: string,
  to: string,
  maxDepth: number,
  sourcedOnly = false,
): Promise<{ nodes: NodeRecord[]; relationships: { type: string; from: string; to: string }[]; evidence: 'sourced' | 'inferred' } | null> {
  const [row] = await tx.run(shortestPathQuery, { from, to, maxDepth: intParam(maxDepth), sourcedOnly });
  return row ? { nodes: row.nodes.map(rec), relationships: row.relationships, evidence: row.evidence } : null;
}

/** The first `first` alternatives of a node (by name, then id) with guidance and the number of services each would affect. */
export async function alternatives(tx: Tx, id: string, first: number): Promise<{ alternative: NodeRecord; relationship: Record<string, unknown>; affected: number }[]> {
  const rows = await tx.run(alternativesQuery, { id, first: intParam(first) });
  return rows.map((r) => ({ alternative: toNodeRecord(r.alternative, r.labels), relationship: r.relationship, affected: r.affected }));
}

export interface ComplianceRow {
  readonly requirement: NodeRecord;
  readonly via: NodeRecord;
  readonly targetCount: number;
  readonly missing: NodeRecord[];
  readonly exception: NodeRecord | null;
}

/** Requirements applying to a service or what it uses, with the unmet targets and a valid exception. */
export async function complianceRows(tx: Tx, serviceId: string, today: string): Promise<ComplianceRow[]> {
  const rows = await tx.run(complianceQuery, { id: serviceId, today });
  return rows.map((r) => ({
    requirement: toNodeRecord(r.requirement, r.requirementLabels),
    via: toNodeRecord(r.via, r.viaLabels),
    targetCount: r.targetCount,
    missing: r.missing.map(rec),
    exception: r.exception ? toNodeRecord(r.exception, ['Exception']) : null,
  }));
}

/** The first `limit` items the given stacks include (by name, then id), each with its inclusions per stack. */
export async function stackInclusions(
  tx: Tx,
  stackIds: readonly string[],
  limit: number,
): Promise<{ item: NodeRecord; cells: { stackId: string; status: string | null; role: string | null }[] }[]> {
  const rows = await tx.run(compatibilityQuery, { stackIds, limit: intParam(limit) });
  return rows.map((r) => ({ item: toNodeRecord(r.item, r.labels), cells: r.cells }));
}

/** Adoption per node by organisations of a level: the first `first` nodes, most organisations first. */
export async function adoptionByLevel(tx: Tx, level: string, first: number): Promise<{ node: NodeRecord; organizations: number; byStatus: { status: string; count: number }[] }[]> {
  const rows = await tx.run(adoptionQuery, { level, first: intParam(first) });
  return rows.map((r) => ({ node: toNodeRecord(r.node, r.labels), organizations: r.organizations, byStatus: r.byStatus }));
}

/**
 * One level of a subgraph: the relationships of `ids` (of `types`, or all) except those to `previous`
 * (the level before), each once, sorted by start id, type and end id, at most `limit`.
 */
export async function neighbours(tx: Tx, ids: readonly string[], types: readonly string[] | null, previous: readonly string[], limit: number): Promise<NeighbourRow[]> {
  return tx.run(neighboursQuery, { ids, types, previous, limit: intParam(limit) });
}

/** The nodes of a subgraph as drawn (id, label, name, evidence), in any order; unknown ids are left out. */
export async function subgraphNodes(tx: Tx, ids: readonly string[]): Promise<{ id: string; label: string; name: string; evidence: unknown }[]> {
  return tx.run(subgraphNodesQuery, { ids });
}
