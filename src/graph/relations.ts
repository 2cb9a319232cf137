import type { NodeLabel, RelType } from '../model';

/** How a relationship field of a node type is read: along which type, which way, to which label. */
export interface RelationField {
  readonly rel: RelType;
  readonly dir: 'out' | 'in' | 'both';
  /** Only nodes of this label; `null` for any. */
  readonly label: NodeLabel | null;
  /** The GraphQL link type the field returns. */
  readonly linkType: 'ComponentLink' | 'StandardLink' | 'ServiceLink' | 'OrganizationLink' | 'LayerLink' | 'NodeLink';
}

const f = (rel: RelType, dir: RelationField['dir'], label: NodeLabel | null = null): RelationField => ({
  rel,
  dir,
  label,
  linkType: label === 'Component' || label === 'Standard' || label === 'Service' || label === 'Organization' || label === 'Layer' ? `${label}Link` : 'NodeLink',
});

/** Every relationship field of schema/graph.graphql (a test checks that the two agree). */
export const RELATION_FIELDS: Readonly<Record<NodeLabel, Readonly<Record<string, RelationField>>>> = {
  Topic: { lifeSituations: f('PART_OF', 'in', 'LifeSituation') },
  LifeSituation: { topic: f('PART_OF', 'out', 'Topic'), ozgServices: f('PART_OF', 'in', 'OzgService') },
  OzgService: { lifeSituation: f('PART_OF', 'out', 'LifeSituation'), services: f('PART_OF', 'in', 'Service') },
  Service: {
    uses: f('USES', 'out', 'Component'),
    usesStandards: f('USES', 'out', 'Standard'),
    ozgService: f('PART_OF', 'out', 'OzgService'),
    offeredBy: f('OFFERS', 'in', 'Organization'),
    requirements: f('APPLIES_TO', 'in', 'Requirement'),
    exceptions: f('GRANTED_FOR', 'in', 'Exception'),
  },
  Component: {
    dependsOn: f('DEPENDS_ON', 'out', 'Component'),
    dependents: f('DEPENDS_ON', 'in', 'Component'),
    implements: f('IMPLEMENTS', 'out', 'Standard'),
    usedBy: f('USES', 'in', 'Service'),
    layers: f('IN_LAYER', 'out', 'Layer'),
    integrationPoints: f('INTEGRATES_VIA', 'out', 'IntegrationPoint'),
    alternatives: f('ALTERNATIVE_TO', 'both', 'Component'),
    operators: f('OPERATES', 'in', 'Organization'),
    maintainers: f('MAINTAINS', 'in', 'Organization'),
    adopters: f('ADOPTS', 'in', 'Organization'),
    stacks: f('INCLUDES', 'in', 'Stack'),
    buildingBlocks: f('MAPS_TO', 'out', 'BuildingBlock'),
    requirements: f('APPLIES_TO', 'in', 'Requirement'),
    criteria: f('MEETS', 'out', 'Criterion'),
    partOf: f('PART_OF', 'out', 'Component'),
    parts: f('PART_OF', 'in', 'Component'),
    usedByPatterns: f('USES', 'in', 'ReferencePattern'),
    measuredBy: f('MEASURES', 'in', 'Kpi'),
  },
  Standard: {
    implementedBy: f('IMPLEMENTS', 'in', 'Component'),
    usedBy: f('USES', 'in', 'Service'),
    layers: f('IN_LAYER', 'out', 'Layer'),
    alternatives: f('ALTERNATIVE_TO', 'both', 'Standard'),
    maintainers: f('MAINTAINS', 'in', 'Organization'),
    adopters: f('ADOPTS', 'in', 'Organization'),
    stacks: f('INCLUDES', 'in', 'Stack'),
    requiredBy: f('REQUIRES', 'in', 'Requirement'),
    criteria: f('MEETS', 'out', 'Criterion'),
    buildingBlocks: f('MAPS_TO', 'out', 'BuildingBlock'),
  },
  Layer: {
    members: f('IN_LAYER', 'in'),
    parent: f('PART_OF', 'out', 'Layer'),
    children: f('PART_OF', 'in', 'Layer'),
    mapsTo: f('MAPS_TO', 'out', 'Layer'),
    mappedFrom: f('MAPS_TO', 'in', 'Layer'),
  },
  IntegrationPoint: { components: f('INTEGRATES_VIA', 'in', 'Component'), operators: f('OPERATES', 'in', 'Organization'), layers: f('IN_LAYER', 'out', 'Layer') },
  Organization: {
    operates: f('OPERATES', 'out'),
    maintains: f('MAINTAINS', 'out'),
    adopts: f('ADOPTS', 'out'),
    offers: f('OFFERS', 'out', 'Service'),
    partOf: f('PART_OF', 'out', 'Organization'),
    members: f('PART_OF', 'in', 'Organization'),
  },
  Stack: { includes: f('INCLUDES', 'out') },
  BuildingBlock: { mappedFrom: f('MAPS_TO', 'in'), partOf: f('PART_OF', 'out', 'BuildingBlock'), parts: f('PART_OF', 'in', 'BuildingBlock') },
  Requirement: { appliesTo: f('APPLIES_TO', 'out'), requires: f('REQUIRES', 'out'), exceptions: f('DEVIATES_FROM', 'in', 'Exception'), measuredBy: f('MEASURES', 'in', 'Kpi') },
  Exception: { requirement: f('DEVIATES_FROM', 'out', 'Requirement'), grantedFor: f('GRANTED_FOR', 'out') },
  Kpi: { measures: f('MEASURES', 'out') },
  ReferencePattern: { steps: f('USES', 'out') },
  Milestone: { concerns: f('CONCERNS', 'out') },
  Criterion: { metBy: f('MEETS', 'in'), requiredBy: f('REQUIRES', 'in', 'Requirement') },
};
