import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord } from '../graph/records';
import type { AdoptionRecord, StackInclusionRow } from './records';

const compatibilityQuery = query<{ item: Record<string, unknown>; labels: string[]; cells: { stackId: string; status: string | null; role: string | null }[] }>('stacks/compatibility');
const adoptionQuery = query<{ node: Record<string, unknown>; labels: string[]; organizations: number; byStatus: { status: string; count: number }[] }>('stacks/adoption');

/** The first `limit` items the given stacks include (by name, then id), each with its inclusions per stack. */
export async function stackInclusions(tx: Tx, stackIds: readonly string[], limit: number): Promise<StackInclusionRow[]> {
  const rows = await tx.run(compatibilityQuery, { stackIds, limit: intParam(limit) });
  return rows.map((r) => ({ item: toNodeRecord(r.item, r.labels), cells: r.cells }));
}

/** Adoption per node by organisations of a level: the first `first` nodes, most organisations first. */
export async function adoptionByLevel(tx: Tx, level: string, first: number): Promise<AdoptionRecord[]> {
  const rows = await tx.run(adoptionQuery, { level, first: intParam(first) });
  return rows.map((r) => ({ node: toNodeRecord(r.node, r.labels), organizations: r.organizations, byStatus: r.byStatus }));
}
