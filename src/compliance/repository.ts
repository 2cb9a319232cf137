import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import type { ComplianceRow } from './records';

type Raw = { node: Record<string, unknown>; labels: string[] };

const rec = (r: Raw): NodeRecord => toNodeRecord(r.node, r.labels);

/** All properties, or the values of the asked keys in their order. */
type Props = Record<string, unknown> | unknown[];

type RawRow = {
  requirement: Props;
  requirementLabels: string[];
  via: Props;
  viaLabels: string[];
  targetCount: number;
  missing: { node: Props; labels: string[] }[];
  exception: Props | null;
};

/** Which properties the rows bring (null: all of them). */
export interface ComplianceKeys {
  readonly requirement: readonly string[] | null;
  readonly node: readonly string[] | null;
  readonly exception: readonly string[] | null;
}

export const ALL_COMPLIANCE_KEYS: ComplianceKeys = { requirement: null, node: null, exception: null };

/** The properties of a node from the statement: all of them, or the asked keys' values (nulls left out, as properties() does). */
function propsOf(value: Props, keys: readonly string[] | null): Record<string, unknown> {
  if (!Array.isArray(value) || keys === null) return value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    if (value[i] !== null && value[i] !== undefined) out[k] = value[i];
  });
  return out;
}

const complianceRowsQuery = query<{ node: Raw | null; rows: RawRow[] }>('compliance/complianceRows');

/**
 * The node `serviceId` (null when unknown) and, when it is a service, the requirements applying to it
 * or to what it uses, with the unmet targets and a valid exception (by level and id); one statement.
 */
export async function complianceRows(tx: Tx, serviceId: string, today: string, keys: ComplianceKeys = ALL_COMPLIANCE_KEYS): Promise<{ node: NodeRecord | null; rows: ComplianceRow[] }> {
  const [row] = await tx.run(complianceRowsQuery, { id: serviceId, today, requirementKeys: keys.requirement, nodeKeys: keys.node, exceptionKeys: keys.exception });
  return {
    node: row?.node ? rec(row.node) : null,
    rows: (row?.rows ?? []).map((r) => ({
      requirement: toNodeRecord(propsOf(r.requirement, keys.requirement), r.requirementLabels),
      via: toNodeRecord(propsOf(r.via, keys.node), r.viaLabels),
      targetCount: r.targetCount,
      missing: r.missing.map((m) => toNodeRecord(propsOf(m.node, keys.node), m.labels)),
      exception: r.exception ? toNodeRecord(propsOf(r.exception, keys.exception), ['Exception']) : null,
    })),
  };
}
