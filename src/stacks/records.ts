import type { NodeRecord } from '../graph/records';

/** One cell of a compatibility matrix: whether the stack includes the row's item, and how. */
export interface CompatibilityCellRecord {
  readonly stackId: string;
  readonly included: boolean;
  readonly status: string | null;
  readonly role: string | null;
}

/** What `compatibility` resolves to: one row per included item, one cell per stack asked for. */
export interface CompatibilityMatrixRecord {
  readonly stacks: NodeRecord[];
  readonly rows: { item: NodeRecord; cells: CompatibilityCellRecord[] }[];
  readonly truncated: boolean;
}

/** An item the stacks include, as read: one cell per stack that includes it. */
export interface StackInclusionRow {
  readonly item: NodeRecord;
  readonly cells: { stackId: string; status: string | null; role: string | null }[];
}

/** One row of `adoption`: how many organisations of the level adopt `node`, in all and per status. */
export interface AdoptionRecord {
  readonly node: NodeRecord;
  readonly organizations: number;
  readonly byStatus: { status: string; count: number }[];
}
