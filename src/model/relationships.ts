import type { RelTypeSpec, RelationFieldSpec } from './Model';
import type { NodeLabel } from './labels';
import { EVIDENCE } from './values';

const C: NodeLabel = 'Component';
const S: NodeLabel = 'Standard';
const f = (on: NodeLabel, field: string, dir: RelationFieldSpec['dir'], other: NodeLabel | null, description: string): RelationFieldSpec => ({ on, field, dir, other, description });

/** The roles of a use (USES, DEPENDS_ON): what the what-if engine reads (src/seed/roles.ts). */
const ROLE_PROPERTIES = {
  role: { type: 'String', description: 'The role this use serves (stated, or inferred from alternative groups).' },
  roleName: { type: 'String', description: 'The role as the source names it.' },
  roleEvidence: { type: 'String', description: 'Whether the role is sourced or inferred.', values: EVIDENCE },
  roleRule: { type: 'String', description: 'The rule that inferred the role.' },
  need: { type: 'Int', description: 'How many providers of the role the consumer needs (default 1: any one).' },
} as const satisfies RelTypeSpec['properties'];

/** How and why one item builds on another (DEPENDS_ON, IMPLEMENTS), as the landscape data set states it. */
const REASON_PROPERTIES = {
  scope: { type: 'String', description: 'required or optional.', values: ['required', 'optional'] },
  dependencyType: { type: 'String', description: 'The kind of dependency, as the landscape data set states it.' },
  reason: { type: 'String', description: 'Why, as the source states it.' },
  reasonEn: { type: 'String', description: 'Why, in English.' },
} as const satisfies RelTypeSpec['properties'];

/**
 * The relationship types of the model: which labels they connect, their own properties (the common
 * ones are in COMMON_LINK_FIELDS) and the fields that read them on the node types. Adding a type or
 * a property here is all the schema, the relation table, the loader and seeds/README.md need.
 */
export const RELATIONSHIPS = {
  PART_OF: {
    description: 'A part of a hierarchy: a service of an OZG service, a life situation of a topic, a sublayer, a unit of an organisation, a part of a component or building block.',
    from: ['Service', 'OzgService', 'LifeSituation', 'Layer', 'Organization', C, 'BuildingBlock'],
    to: ['OzgService', 'LifeSituation', 'Topic', 'Layer', 'Organization', C, 'BuildingBlock'],
    properties: {},
    fields: [
      f('Topic', 'lifeSituations', 'in', 'LifeSituation', "Life situations of this topic (PART_OF, incoming)."),
      f('LifeSituation', 'topic', 'out', 'Topic', "The topic (PART_OF)."),
      f('LifeSituation', 'ozgServices', 'in', 'OzgService', "OZG services of this life situation."),
      f('OzgService', 'lifeSituation', 'out', 'LifeSituation', "The life situation (PART_OF)."),
      f('OzgService', 'services', 'in', 'Service', "LeiKa services of this OZG service."),
      f('Service', 'ozgService', 'out', 'OzgService', "The OZG service (PART_OF)."),
      f('Component', 'partOf', 'out', 'Component', "The component it is part of."),
      f('Component', 'parts', 'in', 'Component', "Its parts."),
      f('Layer', 'parent', 'out', 'Layer', "The layer it is part of."),
      f('Layer', 'children', 'in', 'Layer', "Its sublayers."),
      f('Organization', 'partOf', 'out', 'Organization', "The organisation it belongs to."),
      f('Organization', 'members', 'in', 'Organization', "Organisations that belong to it."),
      f('BuildingBlock', 'partOf', 'out', 'BuildingBlock', "The building block it is part of."),
      f('BuildingBlock', 'parts', 'in', 'BuildingBlock', "Its parts."),
    ],
  },
  USES: {
    description: 'A service uses a component or standard; a golden path uses one as a step.',
    from: ['Service', 'ReferencePattern'],
    to: [C, S],
    properties: {
      step: { type: 'String', description: 'The step of a golden path.' },
      order: { type: 'Int', description: 'The position of the step in the golden path.' },
      ...ROLE_PROPERTIES,
    },
    fields: [
      f('Service', 'uses', 'out', 'Component', "Components this service uses."),
      f('Service', 'usesStandards', 'out', 'Standard', "Standards this service uses directly."),
      f('Component', 'usedBy', 'in', 'Service', "Services that use it."),
      f('Component', 'usedByPatterns', 'in', 'ReferencePattern', "Golden paths that use it."),
      f('Standard', 'usedBy', 'in', 'Service', "Services that use it directly."),
      f('ReferencePattern', 'steps', 'out', null, "Components and standards it uses, with step and order."),
    ],
  },
  DEPENDS_ON: {
    description: 'A component builds on another.',
    from: [C],
    to: [C],
    properties: {
      ...REASON_PROPERTIES,
      ...ROLE_PROPERTIES,
    },
    fields: [
      f('Component', 'dependsOn', 'out', 'Component', "What it depends on (DEPENDS_ON, outgoing)."),
      f('Component', 'dependents', 'in', 'Component', "Components that depend on it (DEPENDS_ON, incoming)."),
    ],
  },
  IMPLEMENTS: {
    description: 'A component implements a standard.',
    from: [C],
    to: [S],
    properties: {
      ...REASON_PROPERTIES,
    },
    fields: [
      f('Component', 'implements', 'out', 'Standard', "Standards it implements."),
      f('Standard', 'implementedBy', 'in', 'Component', "Components that implement it."),
    ],
  },
  IN_LAYER: {
    description: 'An item belongs to a layer of an architecture scheme.',
    from: [C, S, 'IntegrationPoint'],
    to: ['Layer'],
    properties: {},
    fields: [
      f('Component', 'layers', 'out', 'Layer', "Layers it belongs to, in every scheme."),
      f('Standard', 'layers', 'out', 'Layer', "Layers it belongs to."),
      f('Layer', 'members', 'in', null, "Components, standards and integration points in this layer."),
      f('IntegrationPoint', 'layers', 'out', 'Layer', "Its layers."),
    ],
  },
  INTEGRATES_VIA: {
    description: 'A component connects through an integration point of the DVC or a government network.',
    from: [C],
    to: ['IntegrationPoint'],
    properties: {},
    fields: [
      f('Component', 'integrationPoints', 'out', 'IntegrationPoint', "Integration points it connects through."),
      f('IntegrationPoint', 'components', 'in', 'Component', "Components that integrate through it."),
    ],
  },
  ALTERNATIVE_TO: {
    description: 'Two items can stand in for each other (read in both directions).',
    from: [C, S],
    to: [C, S],
    properties: {
      guidance: { type: 'String', description: 'When to prefer which.', required: true },
    },
    fields: [
      f('Component', 'alternatives', 'both', 'Component', "Alternatives, with guidance (ALTERNATIVE_TO, both directions)."),
      f('Standard', 'alternatives', 'both', 'Standard', "Alternatives, with guidance."),
    ],
  },
  OPERATES: {
    description: 'An organisation operates a component or integration point.',
    from: ['Organization'],
    to: [C, 'IntegrationPoint'],
    properties: {
      role: { type: 'String', description: 'The role, e.g. operator, provider.' },
    },
    fields: [
      f('Component', 'operators', 'in', 'Organization', "Organisations that operate it."),
      f('IntegrationPoint', 'operators', 'in', 'Organization', "Who operates it."),
      f('Organization', 'operates', 'out', null, "What it operates."),
    ],
  },
  MAINTAINS: {
    description: 'An organisation maintains an item.',
    from: ['Organization'],
    to: [C, S, 'Stack', 'IntegrationPoint'],
    properties: {},
    fields: [
      f('Component', 'maintainers', 'in', 'Organization', "Organisations that maintain it."),
      f('Standard', 'maintainers', 'in', 'Organization', "Organisations that maintain it."),
      f('IntegrationPoint', 'maintainers', 'in', 'Organization', "Organisations that maintain it."),
      f('Organization', 'maintains', 'out', null, "What it maintains."),
      f('Stack', 'maintainers', 'in', 'Organization', "Organisations that maintain it."),
    ],
  },
  OFFERS: {
    description: 'An organisation offers a service.',
    from: ['Organization'],
    to: ['Service'],
    properties: {},
    fields: [
      f('Service', 'offeredBy', 'in', 'Organization', "Organisations that offer it."),
      f('Organization', 'offers', 'out', 'Service', "Services it offers."),
    ],
  },
  ADOPTS: {
    description: 'An organisation adopts a component or standard.',
    from: ['Organization'],
    to: [C, S],
    properties: {
      status: { type: 'String', enum: 'AdoptionStatus', description: 'planned, piloting, in-use or retired.', required: true },
      since: { type: 'String', description: 'The date the status holds from, as the organisation reported it (YYYY-MM-DD).', format: 'date' },
    },
    fields: [
      f('Component', 'adopters', 'in', 'Organization', "Organisations that adopt it, with status."),
      f('Standard', 'adopters', 'in', 'Organization', "Organisations that adopt it."),
      f('Organization', 'adopts', 'out', null, "What it adopts, with status."),
    ],
  },
  INCLUDES: {
    description: 'A stack includes an item, with its lifecycle stage.',
    from: ['Stack'],
    to: [C, S, 'BuildingBlock', 'Layer'],
    properties: {
      status: { type: 'String', description: 'e.g. in-use, approved, recommended.' },
      role: { type: 'String', description: 'The role the item has in the stack.' },
      rationale: { type: 'String', description: 'Why the stack includes it.' },
      rationaleEn: { type: 'String', description: 'Why, in English.' },
      stage: { type: 'String', enum: 'LifecycleStage', description: 'The lifecycle stage (adopt, trial, hold, retire).' },
      stageBasis: { type: 'String', description: 'What the stage rests on.' },
      since: { type: 'String', description: "Since when the stack includes it, from the stack's own dates only (a decision's or the stack version's date); null when the stack states none.", format: 'date' },
      until: { type: 'String', description: "Until when, from the stack's own dates only.", format: 'date' },
      listedIn: { type: 'String', description: 'The stack version that lists it (with its publication date).' },
      maturityDate: { type: 'String', description: "The date of the item's maturity step in the data set's projects.csv (e.g. the year a standard was published): the item's own history, never the date of the stage.", format: 'date' },
    },
    fields: [
      f('Component', 'stacks', 'in', 'Stack', "Stacks that include it, with status and role."),
      f('Standard', 'stacks', 'in', 'Stack', "Stacks that include it."),
      f('Layer', 'includedIn', 'in', 'Stack', "Stacks that include this layer."),
      f('Stack', 'includes', 'out', null, "What it includes, with status and role."),
      f('BuildingBlock', 'includedIn', 'in', 'Stack', "Stacks that include it."),
    ],
  },
  MAPS_TO: {
    description: 'An item or layer maps to a building block or a layer of another scheme.',
    from: [C, S, 'Layer'],
    to: ['BuildingBlock', 'Layer'],
    properties: {},
    fields: [
      f('Component', 'buildingBlocks', 'out', 'BuildingBlock', "Building blocks it maps to."),
      f('Standard', 'buildingBlocks', 'out', 'BuildingBlock', "Building blocks it maps to."),
      f('Layer', 'mapsTo', 'out', 'Layer', "Layers of other schemes it maps to."),
      f('Layer', 'mappedFrom', 'in', 'Layer', "Layers of other schemes that map to it."),
      f('BuildingBlock', 'mappedFrom', 'in', null, "Components and standards that map to it."),
    ],
  },
  APPLIES_TO: {
    description: 'A requirement applies to an item, service, layer, integration point or organisation.',
    from: ['Requirement'],
    to: [C, S, 'Service', 'Layer', 'IntegrationPoint', 'Organization'],
    properties: {},
    fields: [
      f('Service', 'requirements', 'in', 'Requirement', "Requirements that apply to it directly."),
      f('Component', 'requirements', 'in', 'Requirement', "Requirements that apply to it."),
      f('Standard', 'requirements', 'in', 'Requirement', "Requirements that apply to it."),
      f('Layer', 'requirements', 'in', 'Requirement', "Requirements that apply to it."),
      f('IntegrationPoint', 'requirements', 'in', 'Requirement', "Requirements that apply to it."),
      f('Organization', 'requirements', 'in', 'Requirement', "Requirements that apply to it."),
      f('Requirement', 'appliesTo', 'out', null, "What it applies to."),
    ],
  },
  REQUIRES: {
    description: 'A requirement requires a component, standard or criterion.',
    from: ['Requirement'],
    to: [C, S, 'Criterion'],
    properties: {},
    fields: [
      f('Component', 'requiredBy', 'in', 'Requirement', "Requirements that require it (REQUIRES)."),
      f('Standard', 'requiredBy', 'in', 'Requirement', "Requirements that require it."),
      f('Requirement', 'requires', 'out', null, "What it requires."),
      f('Criterion', 'requiredBy', 'in', 'Requirement', "Requirements that require it."),
    ],
  },
  MEASURES: {
    description: 'A KPI measures an item.',
    from: ['Kpi'],
    to: [C, 'Service', 'IntegrationPoint', 'Stack', 'Requirement'],
    properties: {},
    fields: [
      f('Service', 'measuredBy', 'in', 'Kpi', "KPIs that measure it."),
      f('Component', 'measuredBy', 'in', 'Kpi', "KPIs that measure it."),
      f('IntegrationPoint', 'measuredBy', 'in', 'Kpi', "KPIs that measure it."),
      f('Stack', 'measuredBy', 'in', 'Kpi', "KPIs that measure it."),
      f('Requirement', 'measuredBy', 'in', 'Kpi', "KPIs that measure it."),
      f('Kpi', 'measures', 'out', null, "What it measures."),
    ],
  },
  CONCERNS: {
    description: 'A milestone concerns any node.',
    from: ['Milestone'],
    to: 'any',
    properties: {},
    fields: [
      f('Service', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Component', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Standard', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Layer', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('IntegrationPoint', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Stack', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Requirement', 'milestones', 'in', 'Milestone', "Milestones that concern it."),
      f('Milestone', 'concerns', 'out', null, "What it concerns."),
    ],
  },
  MEETS: {
    description: 'An item meets a criterion, as a source states it.',
    from: [C, S],
    to: ['Criterion'],
    properties: {},
    fields: [
      f('Component', 'criteria', 'out', 'Criterion', "Criteria it meets."),
      f('Standard', 'criteria', 'out', 'Criterion', "Criteria it meets."),
      f('Criterion', 'metBy', 'in', null, "Components and standards that meet it."),
    ],
  },
  DEVIATES_FROM: {
    description: 'An exception deviates from a requirement.',
    from: ['Exception'],
    to: ['Requirement'],
    properties: {},
    fields: [
      f('Requirement', 'exceptions', 'in', 'Exception', "Exceptions granted from it."),
      f('Exception', 'requirement', 'out', 'Requirement', "The requirement it deviates from."),
    ],
  },
  GRANTED_FOR: {
    description: 'An exception is granted for an item, service, organisation or integration point.',
    from: ['Exception'],
    to: [C, 'Service', 'Organization', 'IntegrationPoint'],
    properties: {},
    fields: [
      f('Service', 'exceptions', 'in', 'Exception', "Exceptions granted for it."),
      f('Component', 'exceptions', 'in', 'Exception', "Exceptions granted for it."),
      f('IntegrationPoint', 'exceptions', 'in', 'Exception', "Exceptions granted for it."),
      f('Organization', 'exceptions', 'in', 'Exception', "Exceptions granted for it."),
      f('Exception', 'grantedFor', 'out', null, "Who or what it is granted for."),
    ],
  },
  STEWARDS: {
    description: "The organisation a source names as an item's steward.",
    from: ['Organization'],
    to: [C, S, 'Stack'],
    properties: {},
    fields: [
      f('Component', 'stewards', 'in', 'Organization', "The organisation a source names as its steward (STEWARDS)."),
      f('Standard', 'stewards', 'in', 'Organization', "The organisation a source names as its steward (STEWARDS)."),
      f('Organization', 'stewards', 'out', null, "Items it is the steward of (STEWARDS, outgoing)."),
      f('Stack', 'stewards', 'in', 'Organization', "Its steward."),
    ],
  },
  AFFECTS: {
    description: 'A dated event (licence or price-model change, end of life) affects an item.',
    from: ['Event'],
    to: [C, S],
    properties: {},
    fields: [
      f('Event', 'items', 'out', null, 'The items it affects.'),
      f('Component', 'events', 'in', 'Event', 'Dated events about it: licence and price-model changes, ends of life, acquisitions.'),
      f('Standard', 'events', 'in', 'Event', 'Dated events about it: licence changes, withdrawals.'),
    ],
  },
  SUCCEEDED_BY: {
    description: 'An item is replaced by another.',
    from: [C, S],
    to: [C, S],
    properties: {
      since: { type: 'String', description: 'When the successor became available or was decided.', format: 'date' },
      until: { type: 'String', description: 'The end of the published transition period, after which the item is no longer accepted.', format: 'date' },
    },
    fields: [
      f('Component', 'successors', 'out', null, "What replaces it (SUCCEEDED_BY, outgoing)."),
      f('Component', 'predecessors', 'in', null, "What it replaces (SUCCEEDED_BY, incoming)."),
      f('Standard', 'successors', 'out', null, "What replaces it (SUCCEEDED_BY, outgoing)."),
      f('Standard', 'predecessors', 'in', null, "What it replaces (SUCCEEDED_BY, incoming)."),
    ],
  },
  ASSESSED: {
    description: "The loader's assessment of an item against a D-Stack criterion (derived from its profile).",
    from: [C, S],
    to: ['Criterion'],
    derived: true,
    properties: {
      level: { type: 'String', enum: 'AssessmentLevel', description: 'met, partly, not-met, unknown, or not-applicable (physical infrastructure).', required: true },
      indicators: { type: '[String!]', description: 'The indicators read (at most 50).' },
      mapping: { type: 'String', description: 'The mapping from indicators to levels.' },
      decision: { type: 'String', description: 'The decision that rated it, where one did.' },
    },
    fields: [
      f('Component', 'assessments', 'out', 'Criterion', "Its assessments against the D-Stack criteria as links (level, indicators, mapping); see also `profile`."),
      f('Standard', 'assessments', 'out', 'Criterion', "Its assessments against the D-Stack criteria as links (level, indicators, mapping)."),
      f('Criterion', 'assessedItems', 'in', null, "Components and standards assessed against it (ASSESSED), with level."),
    ],
  },
  DECIDES: {
    description: 'A decision about an item, with its outcome.',
    from: ['Decision'],
    to: [C, S],
    properties: {
      outcome: { type: 'String', enum: 'DecisionOutcome', description: 'included, rejected, mandated, recommended, deferred or withdrawn.', required: true },
    },
    fields: [
      f('Component', 'decisions', 'in', 'Decision', "Decisions about it (DECIDES)."),
      f('Standard', 'decisions', 'in', 'Decision', "Decisions about it (DECIDES)."),
      f('Decision', 'items', 'out', null, "The items decided on (DECIDES), with the outcome."),
    ],
  },
  DECIDED_BY: {
    description: 'The organisation that made a decision.',
    from: ['Decision'],
    to: ['Organization'],
    properties: {},
    fields: [
      f('Organization', 'decisions', 'in', 'Decision', "Decisions it made (DECIDED_BY, incoming)."),
      f('Decision', 'body', 'out', 'Organization', "The deciding organisation (DECIDED_BY)."),
    ],
  },
  SCOPED_TO: {
    description: 'The stack a decision is about.',
    from: ['Decision'],
    to: ['Stack'],
    properties: {},
    fields: [
      f('Stack', 'decisions', 'in', 'Decision', "Decisions about this stack (SCOPED_TO)."),
      f('Decision', 'stack', 'out', 'Stack', "The stack the decision is about (SCOPED_TO)."),
    ],
  },
  RATES: {
    description: 'A criterion result a decision states.',
    from: ['Decision'],
    to: ['Criterion'],
    properties: {
      level: { type: 'String', enum: 'AssessmentLevel', only: ['met', 'partly', 'not-met'], description: 'met, partly or not-met.', required: true },
      reason: { type: 'String', description: 'The reason the decision states for this criterion.' },
    },
    fields: [
      f('Criterion', 'ratedBy', 'in', 'Decision', "Decisions that rate items against it."),
      f('Decision', 'ratings', 'out', 'Criterion', "Criteria results the decision states (RATES), with level."),
    ],
  },
} as const satisfies Readonly<Record<string, RelTypeSpec>>;

export type RelType = keyof typeof RELATIONSHIPS;
