import type { NodeRecord } from '../graph/records';
import type { EVIDENCE } from '../model';
import type { Slice } from '../engine/paging';

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
  readonly componentsByEvidence: { sourced: number; secondary: number; inferred: number };
  readonly servicesByEvidence: { sourced: number; secondary: number; inferred: number };
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

/** One entry of a dependency tree: a node one hop from its parent, nearest first. */
export interface DependencyEntryRecord {
  readonly node: NodeRecord;
  readonly distance: number;
  readonly evidence: EvidenceValue;
  readonly parent: NodeRecord;
  readonly relationship: string;
}

/** What `dependencies` resolves to: at most DEPENDENCY_ENTRY_LIMIT entries, `truncated` when there were more. */
export interface DependencyTreeRecord {
  readonly root: NodeRecord;
  readonly entries: DependencyEntryRecord[];
  readonly truncated: boolean;
}

/** Evidence as stored: stated by a source, or our inference (the model's EVIDENCE). */
export type EvidenceValue = (typeof EVIDENCE)[number];

