import type {
  AssessmentLevel,
  ChangeEntity,
  ChangeOp,
  IndicatorValue,
  LicenceClass,
  LifecycleStage,
  OperatingModel,
} from '../generated/graphql';
import type { NodeRecord } from '../graph/records';
import type {
  AssessmentLevel as ModelAssessmentLevel,
  LicenceClass as ModelLicenceClass,
  LifecycleStage as ModelLifecycleStage,
  OperatingModel as ModelOperatingModel,
} from '../model';
import type { EvidenceValue } from '../provenance/records';

// The parents of the profile types as the resolvers see them (codegen.ts maps the schema's types to
// these): stored citations (`sources`) and ids where the schema has sources and nodes (resolved per
// field), the schema's enum values where it has enums.

/** Stored citations of a fact (`id` or `id (locator)`); `sources` resolves them in the registry. */
interface Cited {
  readonly sources: readonly string[];
}

export interface LicenceFactRecord extends Cited {
  readonly spdx: string;
  readonly class: LicenceClass;
  readonly evidence: EvidenceValue;
}

export interface StewardFactRecord extends Cited {
  readonly organization: NodeRecord;
  readonly via: 'STEWARDS' | 'MAINTAINS';
  readonly evidence: EvidenceValue;
}

export interface JurisdictionRecord extends Cited {
  readonly country: string | null;
  readonly inEu: boolean;
  readonly basis: string;
  readonly stewardType: string | null;
  readonly evidence: EvidenceValue;
}

export interface OperatingModelFactRecord extends Cited {
  readonly model: OperatingModel;
  /** The id of the organisation offering it. */
  readonly by: string | null;
  readonly evidence: EvidenceValue;
}

export interface ObtainFactRecord extends Cited {
  readonly channel: string;
  /** The id of the offering organisation. */
  readonly by: string | null;
  readonly url: string | null;
  readonly evidence: EvidenceValue;
}

export interface AttestationFactRecord extends Cited {
  readonly scheme: string;
  /** The id of the holding organisation. */
  readonly holder: string | null;
  readonly scope: string | null;
  readonly date: string | null;
  readonly evidence: EvidenceValue;
}

export interface AccessibilityFactRecord extends Cited {
  readonly standard: string;
  readonly level: string | null;
  readonly conformance: string | null;
  readonly evidence: EvidenceValue;
}

export interface DateFactRecord extends Cited {
  readonly date: string;
  /** The version whose end this is; null for the item as a whole. */
  readonly version: string | null;
  readonly evidence: EvidenceValue;
}

export interface EditionFactRecord extends Cited {
  readonly name: string;
  readonly spdx: string;
  readonly class: LicenceClass;
  readonly evidence: EvidenceValue;
}

export interface StandardKindFactRecord extends Cited {
  readonly kind: string;
  readonly binding: string | null;
  readonly bindingFor: readonly string[];
  readonly evidence: EvidenceValue;
}

export interface SecurityFactRecord extends Cited {
  readonly policy: string | null;
  readonly advisories: string | null;
  readonly csaf: boolean | null;
  readonly sbom: boolean | null;
  readonly evidence: EvidenceValue;
}

export interface EndedRecord {
  readonly on: string;
  readonly basis: string;
  readonly successors: readonly NodeRecord[];
}

export interface AssessmentRecord extends Cited {
  readonly criterion: NodeRecord;
  readonly level: AssessmentLevel;
  readonly evidence: EvidenceValue;
  readonly mapping: string | null;
  /** The id of the decision that rated it. */
  readonly decision: string | null;
  readonly indicators: IndicatorValue[];
}

export interface InclusionRecord extends Cited {
  readonly stack: NodeRecord;
  readonly status: string | null;
  readonly stage: LifecycleStage | null;
  readonly stageBasis: string | null;
  readonly since: string | null;
  readonly until: string | null;
  readonly maturityDate: string | null;
  readonly role: string | null;
  readonly rationale: string | null;
  readonly rationaleIsGeneric: boolean;
  readonly listedIn: string | null;
}

/** A criterion by id, with the indicators it reads. */
export interface CriterionIndicatorsRecord {
  readonly criterion: string;
  readonly indicators: readonly string[];
}

/** A weight applied to a criterion (by id). */
export interface AppliedWeightRecord {
  readonly criterion: string;
  readonly weight: number;
}

/** What a criterion (by id) adds to a ranked item's score. */
export interface CriterionScoreRecord {
  readonly criterion: string;
  readonly level: AssessmentLevel;
  readonly weight: number;
  readonly points: number;
  readonly evidence: EvidenceValue;
}

/** A ranked item by id, the criteria of unknown level by id. */
/** An item a ranking leaves out: its id (resolved by the node loader) and why. */
export interface RankingExclusionRecord {
  readonly node: string;
  readonly reason: string;
}

export interface RankingEdgeRecord {
  readonly cursor: string;
  readonly rank: number;
  readonly node: string;
  readonly score: number;
  readonly unknownWeight: number;
  readonly breakdown: readonly CriterionScoreRecord[];
  readonly unknown: readonly string[];
}

/** A change log entry (a :Change node). */
export interface ChangeRecord {
  readonly op: ChangeOp;
  readonly entity: ChangeEntity;
  readonly key: string;
  readonly label: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly fields: readonly string[];
  readonly at: string;
  /** The id of the load that recorded it. */
  readonly load: string;
}

/** A load as the change log records it (a :Load node). */
export interface LoadRecord {
  readonly id: string;
  readonly at: string;
  readonly datasets: readonly string[];
  readonly inputHash: string;
  readonly initial: boolean;
  readonly itemised: boolean;
  readonly graphVersion: number | null;
  readonly nodesAdded: number;
  readonly nodesRemoved: number;
  readonly nodesChanged: number;
  readonly relationshipsAdded: number;
  readonly relationshipsRemoved: number;
  readonly relationshipsChanged: number;
}

/**
 * Reads a stored model value as the schema's enum value. The table maps every model value (the
 * model's "-" is the schema's "_"), so tsc checks both sides; a stored value outside it is a data error.
 */
function enumOf<G extends string>(name: string, table: Readonly<Record<string, G>>): (stored: unknown) => G {
  const values = new Map(Object.entries(table));
  return (stored) => {
    const value = typeof stored === 'string' ? values.get(stored) : undefined;
    if (value === undefined) throw new Error(`stored ${name} "${String(stored)}" is none of ${[...values.keys()].join(', ')}`);
    return value;
  };
}

export const licenceClassOf = enumOf<LicenceClass>('licence class', {
  permissive: 'permissive',
  'weak-copyleft': 'weak_copyleft',
  'strong-copyleft': 'strong_copyleft',
  'source-available': 'source_available',
  proprietary: 'proprietary',
} satisfies Record<ModelLicenceClass, LicenceClass>);

export const operatingModelOf = enumOf<OperatingModel>('operating model', {
  'self-hosted': 'self_hosted',
  'public-it-provider': 'public_it_provider',
  'commercial-saas': 'commercial_saas',
  'central-service': 'central_service',
} satisfies Record<ModelOperatingModel, OperatingModel>);

export const lifecycleStageOf = enumOf<LifecycleStage>('lifecycle stage', { adopt: 'adopt', trial: 'trial', hold: 'hold', retire: 'retire' } satisfies Record<ModelLifecycleStage, LifecycleStage>);

export const assessmentLevelOf = enumOf<AssessmentLevel>('assessment level', { met: 'met', partly: 'partly', 'not-met': 'not_met', unknown: 'unknown', 'not-applicable': 'not_applicable' } satisfies Record<ModelAssessmentLevel, AssessmentLevel>);

const changeOpOf = enumOf<ChangeOp>('change op', { added: 'added', removed: 'removed', changed: 'changed' });
const changeEntityOf = enumOf<ChangeEntity>('change entity', { node: 'node', relationship: 'relationship' });

/** A stored text, or null. */
export const textOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A stored list of texts (empty when none). */
export const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

// A stored text or count the schema requires (non-null); a missing one is a data error.
function textIn(name: string, v: unknown): string {
  if (typeof v !== 'string') throw new Error(`stored ${name} "${String(v)}" is no text`);
  return v;
}
function countIn(name: string, v: unknown): number {
  if (typeof v !== 'number') throw new Error(`stored ${name} "${String(v)}" is no number`);
  return v;
}

/** Converts a stored :Change node's properties. */
export function toChangeRecord(p: Readonly<Record<string, unknown>>): ChangeRecord {
  return {
    op: changeOpOf(p.op),
    entity: changeEntityOf(p.entity),
    key: textIn('key', p.key),
    label: textIn('label', p.label),
    from: textOf(p.from),
    to: textOf(p.to),
    fields: listOf(p.fields),
    at: textIn('at', p.at),
    load: textIn('load', p.load),
  };
}

/** Converts a stored :Load node's properties (loads before `initial` and `itemised` were recorded: false and true). */
export function toLoadRecord(p: Readonly<Record<string, unknown>>): LoadRecord {
  return {
    id: textIn('id', p.id),
    at: textIn('at', p.at),
    datasets: listOf(p.datasets),
    inputHash: textIn('inputHash', p.inputHash),
    initial: p.initial === true,
    itemised: p.itemised !== false,
    graphVersion: typeof p.graphVersion === 'number' ? p.graphVersion : null,
    nodesAdded: countIn('nodesAdded', p.nodesAdded),
    nodesRemoved: countIn('nodesRemoved', p.nodesRemoved),
    nodesChanged: countIn('nodesChanged', p.nodesChanged),
    relationshipsAdded: countIn('relationshipsAdded', p.relationshipsAdded),
    relationshipsRemoved: countIn('relationshipsRemoved', p.relationshipsRemoved),
    relationshipsChanged: countIn('relationshipsChanged', p.relationshipsChanged),
  };
}
