import { isOpenLicenceClass, type LicenceClass } from './licences';
import type { LifecycleStage } from './lifecycle';

/**
 * The six D-Stack criteria, assessed per item by a documented mapping from the item's profile facts
 * and the landscape's sovereignty checks. The D-Stack names the criteria but publishes no assessment
 * per item and no method; this mapping is therefore an inference, named on every assessment it makes
 * (`mapping`), and a published assessment (a decision that rates an item) replaces it.
 */
export const ASSESSMENT_MAPPING_ID = 'mapping:dstack-criteria-v1';

export const ASSESSMENT_LEVELS = ['met', 'partly', 'not-met', 'unknown', 'not-applicable'] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** Points of a level in a ranking: unknown never counts as met (it counts as nothing). */
export const LEVEL_POINTS: Readonly<Record<AssessmentLevel, number>> = { met: 1, partly: 0.5, 'not-met': 0, unknown: 0, 'not-applicable': 0 };

/**
 * Component kinds the criteria do not apply to: the six criteria (open source, self-hosting, data
 * portability, a steward's seat, audits, telemetry) are about software and services, not about
 * physical networks and facilities. Such items are assessed `not-applicable` and left out of rankings.
 */
export const NOT_ASSESSED_KINDS: ReadonlySet<string> = new Set(['physical-infrastructure']);

/** Why an item is not assessed, or null when the criteria apply to it. */
export function notApplicableReason(label: string, kind: unknown): string | null {
  return label === 'Component' && typeof kind === 'string' && NOT_ASSESSED_KINDS.has(kind)
    ? `a ${kind} component: the D-Stack criteria are read from software and service facts (licence, self-hosting, steward, audits), which physical infrastructure does not have`
    : null;
}

/** The landscape's sovereignty checks (items/*.json `sovereigntyCriteria`), by key. */
export type SovereigntyChecks = Readonly<Partial<Record<string, boolean>>>;

/** What the mapping reads of an item. Counts are of links in the graph; null = not known. */
export interface ItemFacts {
  readonly label: 'Component' | 'Standard';
  /** The component kind (null for standards). */
  readonly kind?: string | null;
  readonly licenceClass: LicenceClass | null;
  readonly checks: SovereigntyChecks;
  readonly ownerType: string | null;
  /** The steward's seat is inside the EU (from the steward's country), null when unknown. */
  readonly stewardInEu: boolean | null;
  readonly operatingModels: readonly string[];
  readonly attestations: number;
  readonly implementsStandards: number;
  /** Organisations adopting it (in use or piloting). */
  readonly adopters: number;
  /** Services that use it according to a source (not inferred). */
  readonly sourcedServices: number;
  readonly stacks: number;
  /** Stage in the Deutschland-Stack. */
  readonly stage: LifecycleStage | null;
  /** End of support (YYYY-MM-DD), if published. */
  readonly endOfSupport: string | null;
}

type Indicator = (f: ItemFacts, today: string) => boolean | null;
const check = (key: string): Indicator => (f) => f.checks[key] ?? null;
const atLeastOne = (n: (f: ItemFacts) => number): Indicator => (f) => (n(f) > 0 ? true : null);

/** Every indicator: what it reads and how (documented for the API's `criteriaMapping`). */
export const INDICATORS: Readonly<Record<string, { readonly description: string; readonly read: Indicator; readonly appliesTo?: 'Component' }>> = {
  'open-source': {
    description: 'the licence class is open (permissive, weak or strong copyleft); without a licence, the landscape check openSource',
    read: (f) => (f.licenceClass ? isOpenLicenceClass(f.licenceClass) : check('openSource')(f, '')),
  },
  'self-hostable': {
    description: 'a source names self-hosting as an operating model; otherwise the landscape check selfHostable',
    read: (f) => (f.operatingModels.includes('self-hosted') ? true : check('selfHostable')(f, '')),
  },
  'data-portability': { description: 'the landscape check dataPortability', read: check('dataPortability') },
  'eu-steward': {
    description: "the steward's seat is in the EU (its country); otherwise the landscape check euHeadquartered",
    read: (f) => f.stewardInEu ?? check('euHeadquartered')(f, ''),
  },
  'open-standards': { description: 'the landscape check openStandards', read: check('openStandards') },
  'implements-standards': { description: 'it implements at least one standard of the graph (true) or nothing is known (unknown)', read: atLeastOne((f) => f.implementsStandards), appliesTo: 'Component' },
  mature: { description: 'the landscape check matureProject', read: check('matureProject') },
  'lifecycle-current': {
    description: 'false when its Deutschland-Stack stage is hold or retire or its end of support has passed; true when the stage is adopt',
    read: (f, today) => {
      if (f.stage === 'hold' || f.stage === 'retire') return false;
      if (f.endOfSupport && f.endOfSupport <= today) return false;
      return f.stage === 'adopt' ? true : null;
    },
  },
  'independent-steward': {
    description: 'the landscape ownerType: independentConsortium or community (true), corporation (false)',
    read: (f) => (f.ownerType === 'independentConsortium' || f.ownerType === 'community' ? true : f.ownerType === 'corporation' ? false : null),
  },
  audited: { description: 'the landscape check hasAudit', read: check('hasAudit') },
  attested: { description: 'a published security attestation (BSI C5, IT-Grundschutz, ISO 27001, ...) is recorded (true) or none is known (unknown)', read: atLeastOne((f) => f.attestations) },
  'no-telemetry': { description: 'the landscape check noTelemetryByDefault', read: check('noTelemetryByDefault') },
  adopted: { description: 'at least one organisation adopts it (in use or piloting) (true) or none is known (unknown)', read: atLeastOne((f) => f.adopters) },
  'used-by-services': { description: 'a source states that at least one service uses it (true) or none is known (unknown)', read: atLeastOne((f) => f.sourcedServices) },
  'in-several-stacks': { description: 'at least two stacks of the data set include it (true) or not (unknown)', read: (f) => (f.stacks >= 2 ? true : null) },
};

/** The indicators each D-Stack criterion reads (criterion ids of seeds/criteria.yaml). */
export const CRITERIA_INDICATORS: Readonly<Record<string, readonly string[]>> = {
  'criterion:dstack:digitale-souveraenitaet': ['open-source', 'self-hostable', 'data-portability', 'eu-steward'],
  'criterion:dstack:interoperabilitaet': ['open-standards', 'implements-standards', 'data-portability'],
  'criterion:dstack:zukunftsfaehigkeit': ['mature', 'lifecycle-current', 'independent-steward'],
  'criterion:dstack:marktrelevanz': ['adopted', 'used-by-services', 'in-several-stacks'],
  'criterion:dstack:vertrauenswuerdigkeit': ['audited', 'attested', 'no-telemetry', 'eu-steward'],
  'criterion:dstack:nachhaltigkeit': ['open-source', 'independent-steward', 'mature'],
};

export const DSTACK_CRITERIA = Object.keys(CRITERIA_INDICATORS);

/** The level rule, in words (also returned by the API). */
export const LEVEL_RULE =
  'Not applicable to physical infrastructure (component kind physical-infrastructure): such items are assessed not-applicable and left out of rankings. Of the n indicators that apply to the item: met when at least two thirds are true; partly when at least one is true; not-met when none is true and at least half are false; unknown otherwise. An indicator that is not known counts as not true.';

/** One indicator's value in an assessment. */
export interface IndicatorValue {
  readonly indicator: string;
  readonly value: boolean | null;
}

export interface Assessment {
  readonly criterion: string;
  readonly level: AssessmentLevel;
  readonly indicators: readonly IndicatorValue[];
}

/** The level for indicator values (the rule of LEVEL_RULE). */
export function levelOf(values: readonly (boolean | null)[]): AssessmentLevel {
  const n = values.length;
  const trues = values.filter((v) => v === true).length;
  const falses = values.filter((v) => v === false).length;
  if (n === 0) return 'unknown';
  if (trues * 3 >= n * 2) return 'met';
  if (trues >= 1) return 'partly';
  if (falses * 2 >= n) return 'not-met';
  return 'unknown';
}

/** Assesses an item against the six criteria with the mapping. `today` is YYYY-MM-DD. */
export function assessItem(facts: ItemFacts, today: string): Assessment[] {
  if (notApplicableReason(facts.label, facts.kind) !== null) return DSTACK_CRITERIA.map((criterion) => ({ criterion, level: 'not-applicable', indicators: [] }));
  return DSTACK_CRITERIA.map((criterion) => {
    const indicators = (CRITERIA_INDICATORS[criterion] as readonly string[])
      .filter((k) => !INDICATORS[k]?.appliesTo || INDICATORS[k]?.appliesTo === facts.label)
      .map((indicator) => ({ indicator, value: (INDICATORS[indicator] as { read: Indicator }).read(facts, today) }));
    return { criterion, level: levelOf(indicators.map((i) => i.value)), indicators };
  });
}

/** A weighted score over assessments: sum(weight * points) / sum(weight); unknown gives 0 points. */
export function weightedScore(levels: Readonly<Record<string, AssessmentLevel>>, weights: Readonly<Record<string, number>>): number {
  let total = 0;
  let sum = 0;
  for (const [criterion, w] of Object.entries(weights)) {
    if (w <= 0) continue;
    total += w;
    sum += w * LEVEL_POINTS[levels[criterion] ?? 'unknown'];
  }
  return total === 0 ? 0 : sum / total;
}
