import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { ComplianceRow } from './records';

type Raw = { node: Record<string, unknown>; labels: string[] };
const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

type RawRow = {
  requirement: Record<string, unknown>;
  requirementLabels: string[];
  via: Record<string, unknown>;
  viaLabels: string[];
  targetCount: number;
  missing: Raw[];
  exception: Record<string, unknown> | null;
};

const complianceRowsQuery = query<{ node: Raw | null; rows: RawRow[] }>('compliance/complianceRows');

/**
 * The node `serviceId` (null when unknown) and, when it is a service, the requirements applying to it
 * or to what it uses, with the unmet targets and a valid exception (by level and id); one statement.
 */
export async function complianceRows(tx: Tx, serviceId: string, today: string): Promise<{ node: NodeRecord | null; rows: ComplianceRow[] }> {
  const [row] = await tx.run(complianceRowsQuery, { id: serviceId, today });
  return {
    node: row?.node ? rec(row.node) : null,
    rows: (row?.rows ?? []).map((r) => ({
      requirement: toNodeRecord(r.requirement, r.requirementLabels),
      via: toNodeRecord(r.via, r.viaLabels),
      targetCount: r.targetCount,
      missing: r.missing.map(rec),
      exception: r.exception ? toNodeRecord(r.exception, ['Exception']) : null,
    })),
  };
}
