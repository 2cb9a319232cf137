import type { NodeRecord } from '../graph/records';
import type { LostRole, SeverityHit } from './engine';
import type { RiskKind } from './risks';
import type { GroupDelta, RequirementChange } from './simulate';
import type { InheritedRiskRow, SimulationResult, SimulationSummary } from './tasks';

// The parents of the what-if types as the resolvers see them (codegen.ts maps the schema's types to
// these): ids where the schema has nodes (the node loader resolves them), the model's values where
// they are the schema's enum values (Severity, ConsumerState, RiskKind).

/** What `ImpactReport.severity` resolves to: the impact whose hits get a severity. */
export interface ImpactSeverityRecord {
  readonly origin: string;
  readonly maxDepth: number;
}

/** A hit of an impact with its severity, and the cursor of its place in the list. */
export interface SeverityHitRecord extends SeverityHit {
  readonly cursor: string;
}

/** A role a consumer lost providers of (provider ids). */
export type LostRoleRecord = LostRole;

/** A replacement by ids. */
export interface ReplacementRecord {
  readonly from: string;
  readonly to: string;
}

/** A consumer whose state differs from today, by id. */
export type StateChangeRecord = SimulationResult['changes'][number];

/** A requirement newly met or violated for a service (ids), with its cursor. */
export interface RequirementChangeRecord extends RequirementChange {
  readonly cursor: string;
}

/** Broken and degraded counts of a group; `level` when the key is an executing level's name, not a node id. */
export interface GroupDeltaRecord extends GroupDelta {
  readonly level?: boolean;
}

/** What `simulateChange` resolves to. */
export interface WhatIfReportRecord {
  readonly removals: readonly string[];
  readonly replacements: readonly ReplacementRecord[];
  readonly lostToday: readonly string[];
  readonly summary: SimulationSummary;
  readonly changes: readonly StateChangeRecord[];
  readonly requirements: readonly RequirementChange[];
  readonly byTopic: readonly GroupDeltaRecord[];
  readonly byExecutingLevel: readonly GroupDeltaRecord[];
  readonly byLayer: readonly GroupDeltaRecord[];
}

/** A risk a service inherits (the item and chain by ids), with its cursor. */
export interface InheritedRiskRecord extends InheritedRiskRow {
  readonly cursor: string;
}

/** What `risks` resolves to. */
export interface ServiceRisksRecord {
  readonly service: NodeRecord;
  readonly risks: readonly InheritedRiskRow[];
  readonly riskCount: number;
  readonly byKind: readonly { readonly kind: RiskKind; readonly count: number }[];
}

/** A service a risk reaches, by ids. */
export interface RiskedServiceRow {
  readonly service: string;
  readonly item: string;
  readonly path: readonly string[];
}

/** A service a risk reaches, with its cursor. */
export interface RiskedServiceRecord extends RiskedServiceRow {
  readonly cursor: string;
}

/** What `riskReach` resolves to: the items with the risk and every service it reaches. */
export interface RiskReachRecord {
  readonly kind: RiskKind;
  readonly items: readonly string[];
  readonly itemCount: number;
  readonly serviceCount: number;
  readonly all: readonly RiskedServiceRow[];
}
