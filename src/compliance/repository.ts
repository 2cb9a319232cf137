import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { ComplianceRow } from './records';

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

const complianceRowsQuery = query<{
  requirement: Record<string, unknown>;
  requirementLabels: string[];
  via: Record<string, unknown>;
  viaLabels: string[];
  targetCount: number;
  missing: Raw[];
  exception: Record<string, unknown> | null;
}>('compliance/complianceRows');

/** Requirements applying to a service or what it uses, with the unmet targets and a valid exception. */
export async function complianceRows(tx: Tx, serviceId: string, today: string): Promise<ComplianceRow[]> {
  const rows = await tx.run(complianceRowsQuery, { id: serviceId, today });
  return rows.map((r) => ({
    requirement: toNodeRecord(r.requirement, r.requirementLabels),
    via: toNodeRecord(r.via, r.viaLabels),
    targetCount: r.targetCount,
    missing: r.missing.map(rec),
    exception: r.exception ? toNodeRecord(r.exception, ['Exception']) : null,
  }));
}
