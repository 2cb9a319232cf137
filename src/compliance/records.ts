import type { NodeRecord } from '../graph/records';

/** The status of one requirement for a service (the SDL's ComplianceStatus). */
export type ComplianceStatus = 'met' | 'violated' | 'exempted' | 'not_assessable';

export interface ComplianceItemRecord {
  readonly requirement: NodeRecord;
  readonly status: ComplianceStatus;
  /** Why: what the rule reads and what was found. */
  readonly reason: string;
  readonly appliesVia: NodeRecord;
  readonly missing: NodeRecord[];
  readonly exception: NodeRecord | null;
  readonly expires: string | null;
}

/** The requirements of one level (MUSS or SOLL): every one counted, at most COMPLIANCE_ITEM_LIMIT listed. */
export interface ComplianceGroupRecord {
  met: number;
  violated: number;
  exempted: number;
  notAssessable: number;
  items: ComplianceItemRecord[];
}

/** What `compliance` resolves to. */
export interface ComplianceReportRecord {
  readonly service: NodeRecord;
  readonly score: number | null;
  readonly requirements: number;
  readonly assessed: number;
  readonly notAssessable: number;
  readonly assessedShare: number | null;
  readonly note: string;
  readonly muss: ComplianceGroupRecord;
  readonly soll: ComplianceGroupRecord;
}

/** A requirement that applies to the service, as read: what it applies through, its unmet targets and a valid exception. */
export interface ComplianceRow {
  readonly requirement: NodeRecord;
  readonly via: NodeRecord;
  readonly targetCount: number;
  readonly missing: NodeRecord[];
  readonly exception: NodeRecord | null;
}
