import type { NodeLabel } from './labels';

type LabelSet = readonly NodeLabel[] | 'any';

/** A relationship type, which labels it may connect, and which extra fields it must carry. */
export interface RelRule {
  readonly from: LabelSet;
  readonly to: LabelSet;
  readonly required?: readonly string[];
  readonly enums?: Readonly<Record<string, readonly string[]>>;
  /** Both ends must have the same label (PART_OF hierarchies). */
  readonly sameLabel?: boolean;
}

const C: NodeLabel = 'Component';
const S: NodeLabel = 'Standard';

/** The relationship types of the model (see seeds/README.md). */
export const REL_RULES = {
  PART_OF: { from: ['Service', 'OzgService', 'LifeSituation', 'Layer', 'Organization', C, 'BuildingBlock'], to: ['OzgService', 'LifeSituation', 'Topic', 'Layer', 'Organization', C, 'BuildingBlock'] },
  USES: { from: ['Service', 'ReferencePattern'], to: [C, S] },
  DEPENDS_ON: { from: [C], to: [C] },
  IMPLEMENTS: { from: [C], to: [S] },
  IN_LAYER: { from: [C, S, 'IntegrationPoint'], to: ['Layer'] },
  INTEGRATES_VIA: { from: [C], to: ['IntegrationPoint'] },
  ALTERNATIVE_TO: { from: [C, S], to: [C, S], required: ['guidance'] },
  OPERATES: { from: ['Organization'], to: [C, 'IntegrationPoint'] },
  MAINTAINS: { from: ['Organization'], to: [C, S, 'Stack', 'IntegrationPoint'] },
  OFFERS: { from: ['Organization'], to: ['Service'] },
  ADOPTS: { from: ['Organization'], to: [C, S], required: ['status'], enums: { status: ['planned', 'piloting', 'in-use', 'retired'] } },
  INCLUDES: { from: ['Stack'], to: [C, S, 'BuildingBlock', 'Layer'] },
  MAPS_TO: { from: [C, S, 'Layer'], to: ['BuildingBlock', 'Layer'] },
  APPLIES_TO: { from: ['Requirement'], to: [C, S, 'Service', 'Layer', 'IntegrationPoint', 'Organization'] },
  REQUIRES: { from: ['Requirement'], to: [C, S, 'Criterion'] },
  MEASURES: { from: ['Kpi'], to: [C, 'Service', 'IntegrationPoint', 'Stack', 'Requirement'] },
  CONCERNS: { from: ['Milestone'], to: 'any' },
  MEETS: { from: [C, S], to: ['Criterion'] },
  DEVIATES_FROM: { from: ['Exception'], to: ['Requirement'] },
  GRANTED_FOR: { from: ['Exception'], to: [C, 'Service', 'Organization', 'IntegrationPoint'] },
  // Profiles (seeds/profiles): who governs an item, what replaces it, how it fares on the D-Stack criteria.
  STEWARDS: { from: ['Organization'], to: [C, S, 'Stack'] },
  SUCCEEDED_BY: { from: [C, S], to: [C, S] },
  ASSESSED: { from: [C, S], to: ['Criterion'], required: ['level'], enums: { level: ['met', 'partly', 'not-met', 'unknown'] } },
  // Decisions: what was decided about which item, by whom, for which stack, with which criteria results.
  DECIDES: { from: ['Decision'], to: [C, S], required: ['outcome'], enums: { outcome: ['included', 'rejected', 'mandated', 'recommended', 'deferred', 'withdrawn'] } },
  DECIDED_BY: { from: ['Decision'], to: ['Organization'] },
  SCOPED_TO: { from: ['Decision'], to: ['Stack'] },
  RATES: { from: ['Decision'], to: ['Criterion'], required: ['level'], enums: { level: ['met', 'partly', 'not-met'] } },
} as const satisfies Record<string, RelRule>;
export type RelType = keyof typeof REL_RULES;

/**
 * Relationships the loader derives from others (the six criteria assessments of every item): a
 * neighbourhood leaves them out unless asked for by type, since they tie every item to the same six
 * criteria; a profile shows them item by item.
 */
export const DERIVED_REL_TYPES: readonly RelType[] = ['ASSESSED'];
