import { EVIDENCE } from '../model';
import type { NodeRecord } from '../graph/records';

/** A part of an ordered list: the items from position `offset` on (the whole list when offset is 0 and complete). */
export interface Slice<T> {
  readonly offset: number;
  readonly items: readonly T[];
}

export interface ImpactedComponentRecord {
  readonly cursor: string;
  readonly component: NodeRecord;
  readonly distance: number;
  readonly evidence: EvidenceValue;
  /** Present when the query selected it. */
  readonly path?: NodeRecord[];
}

export interface ImpactedServiceRecord {
  readonly cursor: string;
  readonly service: NodeRecord;
  readonly distance: number;
  readonly evidence: EvidenceValue;
  /** Present when the query selected it. */
  readonly via?: NodeRecord;
}

export interface GroupCountRecord {
  readonly node: NodeRecord;
  readonly count: number;
}

export interface LevelCountRecord {
  readonly level: string;
  readonly count: number;
}

export interface ImpactedOrganizationRecord {
  readonly organization: NodeRecord;
  readonly relations: string[];
}

/** The summary of an impact; parts the query did not select may be left empty. */
export interface ImpactSummaryRecord {
  readonly componentCount: number;
  readonly serviceCount: number;
  readonly componentsByEvidence: { sourced: number; inferred: number };
  readonly servicesByEvidence: { sourced: number; inferred: number };
  readonly byLayer: GroupCountRecord[];
  readonly byTopic: GroupCountRecord[];
  readonly byLifeSituation: GroupCountRecord[];
  readonly byExecutingLevel: LevelCountRecord[];
  /** The organisations by name, as many as the largest `first` asked for. */
  readonly organizations: ImpactedOrganizationRecord[];
  readonly organizationCount: number;
  readonly byOrganizationLevel: LevelCountRecord[];
}

/** What `impactAnalysis` resolves to; the page fields slice what the statement fetched. */
export interface ImpactReportRecord {
  readonly origin: NodeRecord;
  readonly maxDepth: number;
  readonly evidence: 'ANY' | 'SOURCED';
  readonly components: Slice<ImpactedComponentRecord>;
  readonly services: Slice<ImpactedServiceRecord>;
  readonly summary: ImpactSummaryRecord;
}

/** A neighbourhood as nodes and edges (the `subgraph` answer), cut at its bounds when `truncated`. */
export interface SubgraphRecord {
  nodes: { id: string; label: string; name: string; evidence: EvidenceValue | null }[];
  edges: { id: string; source: string; target: string; type: string; evidence: EvidenceValue | null; provenance: string | null }[];
  truncated: boolean;
}

/** Evidence as stored: stated by a source, or our inference (the model's EVIDENCE). */
export type EvidenceValue = (typeof EVIDENCE)[number];

/** A stored evidence value, or null when it is missing or unknown. */
export function evidenceOf(v: unknown): EvidenceValue | null {
  return (EVIDENCE as readonly unknown[]).includes(v) ? (v as EvidenceValue) : null;
}
