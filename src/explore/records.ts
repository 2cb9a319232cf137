import type { NodeRecord } from '../graph/records';
import { EVIDENCE } from '../model';

/** Evidence as stored: stated by a source, or our inference (the model's EVIDENCE). */
export type EvidenceValue = (typeof EVIDENCE)[number];

/** A stored evidence value, or null when it is missing or unknown. */
export function evidenceOf(v: unknown): EvidenceValue | null {
  return (EVIDENCE as readonly unknown[]).includes(v) ? (v as EvidenceValue) : null;
}

/** A neighbourhood as nodes and edges (the `subgraph` answer), cut at its bounds when `truncated`. */
export interface SubgraphRecord {
  nodes: { id: string; label: string; name: string; evidence: EvidenceValue | null }[];
  edges: { id: string; source: string; target: string; type: string; evidence: EvidenceValue | null; provenance: string | null }[];
  truncated: boolean;
}

/** Which optional values of a subgraph are read (the others come back null). */
export interface SubgraphFields {
  readonly nodeName: boolean;
  readonly nodeEvidence: boolean;
  readonly edgeEvidence: boolean;
  readonly provenance: boolean;
}

/** Every optional value of a subgraph. */
export const ALL_SUBGRAPH_FIELDS: SubgraphFields = { nodeName: true, nodeEvidence: true, edgeEvidence: true, provenance: true };

/** One level of a subgraph as read: its relationships and their ends. */
export type SubgraphLevelRows = [
  /** The level's relationships as [source, type, target, evidence, provenance], in order. */
  edges: [string, string, string, string | null, string | null][],
  /** Their ends as a subgraph draws them. */
  nodes: (SubgraphNodeRow & { id: string })[],
];

/** A node of a subgraph as drawn: its model label, its name (the id when it has none) and its evidence. */
export interface SubgraphNodeRow {
  label: string;
  name: string;
  evidence: unknown;
}

/** One step of a path: `forward` when the relationship points from `from` to `to`. */
export interface PathStepRecord {
  readonly from: NodeRecord;
  readonly to: NodeRecord;
  readonly type: string;
  readonly forward: boolean;
}

/** What `path` resolves to: `length` steps between `length` + 1 nodes, and the weakest link's evidence. */
export interface PathRecord {
  readonly length: number;
  readonly evidence: EvidenceValue;
  readonly nodes: NodeRecord[];
  readonly steps: PathStepRecord[];
}

/** One alternative of a component or standard, with the relationship's guidance and the services it would affect. */
export interface AlternativeRecord {
  readonly alternative: NodeRecord;
  readonly guidance: string | null;
  readonly evidence: EvidenceValue | null;
  readonly source: string | null;
  readonly note: string | null;
  readonly affectedServices: number;
}
