import type { LabelSpec } from './Model';
import {
  BUILDING_BLOCK_FRAMEWORKS,
  COMPONENT_KINDS,
  EVENT_KINDS,
  INTEGRATION_POINT_KINDS,
  LAYER_STATUSES,
  ORGANIZATION_LEVELS,
  REQUIREMENT_LEVELS,
  REQUIREMENT_RULES,
  STANDARD_FAMILIES,
} from './values';

const SLUG = '[a-z0-9][a-z0-9.-]*';
const seedId = (form: string, pattern: string, refs?: Readonly<Record<string, string>>): NonNullable<LabelSpec['seed']> => ({
  idForm: form,
  idPattern: new RegExp(`^${pattern.replace(/<slug>/g, SLUG)}$`),
  ...(refs ? { refs } : {}),
});
const LIST = 'At most 50, as stored.';

/**
 * Every label of the public graph model, with its own properties (the common ones are in
 * COMMON_NODE_FIELDS), its root list, the filters the list applies, how seed files write it and how
 * the explorer draws it. The relationship fields of each type are declared with their relationship
 * type (relationships.ts). The order here is the order of the generated SDL and of the root lists.
 */
export const LABELS = {
  Topic: {
    description: 'OZG Themenfeld.',
    plural: 'topics',
    fields: { catalogueId: { type: 'Int', description: 'Its number in the OZG catalogue.' } },
    filters: ['text', 'evidence'],
    style: { color: '#065f46', shape: 'ellipse' },
  },
  LifeSituation: {
    description: 'OZG Lebenslage.',
    plural: 'lifeSituations',
    fields: { catalogueId: { type: 'Int', description: 'Its number in the OZG catalogue.' } },
    filters: ['text', 'evidence'],
    style: { color: '#34d399', shape: 'ellipse' },
  },
  OzgService: {
    description: 'OZG-Leistung (a bundle of LeiKa services).',
    plural: 'ozgServices',
    fields: {
      ozgId: { type: 'String', description: 'The OZG id of the service bundle.' },
      priority: { type: 'String', description: 'The priority the catalogue gives it.' },
      catalogueId: { type: 'Int', description: 'Its number in the OZG catalogue.' },
    },
    filters: ['text', 'evidence'],
    style: { color: '#10b981', shape: 'ellipse' },
  },
  Service: {
    description: 'Administrative service (Verwaltungsleistung) of the LeiKa.',
    plural: 'services',
    fields: {
      leikaKey: { type: 'String', description: '14-digit LeiKa key as given in the catalogue; null for services not in the LeiKa.', searchable: true, indexed: true },
      leikaType: { type: 'String', description: 'LeiKa type code, e.g. 1, 2/3, 4.' },
      executingLevels: { type: '[String!]', description: 'Levels that execute services of this type (from the LeiKa type code): at most 50.' },
      legalBasis: { type: 'String', description: 'The legal basis the catalogue names.' },
      catalogueId: { type: 'Int', description: 'Its number in the OZG catalogue.' },
    },
    filters: ['text', 'evidence', 'level'],
    style: { color: '#059669', shape: 'ellipse' },
  },
  Component: {
    description: 'Anything a service or another component builds on: a Basisdienst, product, platform, register, technology.',
    plural: 'components',
    fields: {
      kind: { type: 'String', description: 'basisdienst, product, platform, register, online-service, infrastructure (software and services that others run on), physical-infrastructure (networks and facilities: fibre, mobile networks) or technology.', required: true, values: COMPONENT_KINDS, indexed: true },
      status: { type: 'String', description: 'Its status as the source states it.' },
      homepage: { type: 'String' },
      tags: { type: '[String!]', description: LIST },
      aliases: { type: '[String!]', description: LIST, searchable: true },
      oss: { type: 'Boolean', description: 'Open source, as the landscape data set states it.' },
      maturity: { type: 'String', description: 'Maturity, as the landscape data set states it.' },
      license: { type: 'String', description: 'The licence as the landscape data set states it; the profile says which licence holds.' },
      ownerType: { type: 'String' },
      lastAuditDate: { type: 'String' },
    },
    filters: ['text', 'evidence', 'kind', 'layer', 'stack', 'licenceClass', 'operatingModel', 'stage'],
    seed: seedId('<slug> (a landscape item id to enrich that item)', '<slug>'),
    style: { color: '#2563eb', shape: 'round-rectangle' },
  },
  Standard: {
    description: 'A standard, protocol, format or specification.',
    plural: 'standards',
    fields: {
      family: { type: 'String', description: "The maintainers' family (XÖV, IETF, W3C, ISO, ...).", required: true, values: STANDARD_FAMILIES, indexed: true },
      maintainer: { type: 'String', description: 'Who maintains it, as the source names it.' },
      homepage: { type: 'String' },
      tags: { type: '[String!]', description: LIST },
      aliases: { type: '[String!]', description: LIST, searchable: true },
      oss: { type: 'Boolean', description: 'Open, as the landscape data set states it.' },
      maturity: { type: 'String', description: 'Maturity, as the landscape data set states it.' },
    },
    filters: ['text', 'evidence', 'family', 'layer', 'stack', 'licenceClass', 'stage'],
    seed: seedId('<slug> (a landscape item id to enrich that item)', '<slug>'),
    style: { color: '#7c3aed', shape: 'diamond' },
  },
  Layer: {
    description: 'A layer or category in an architecture scheme (the scheme is a property).',
    plural: 'layers',
    fields: {
      scheme: { type: 'String', description: 'dstack-landscape, dstack-landkarte, itplr-b-2026-03, ozg-ra, efa, fitko, eurostack.', required: true, indexed: true },
      order: { type: 'Int', description: 'Its position within its scheme.' },
      status: { type: 'String', description: 'confirmed or unconfirmed by its source.', values: LAYER_STATUSES },
    },
    filters: ['text', 'evidence', 'scheme', 'layer', 'stack'],
    seed: seedId('layer:<scheme>:<slug>', 'layer:<slug>:<slug>'),
    style: { color: '#64748b', shape: 'tag' },
  },
  IntegrationPoint: {
    description: 'An integration point of the Deutsche Verwaltungscloud or a government network.',
    plural: 'integrationPoints',
    fields: { kind: { type: 'String', description: 'dvc-area, marketplace, platform, network or repository.', required: true, values: INTEGRATION_POINT_KINDS } },
    filters: ['text', 'evidence', 'kind', 'layer'],
    seed: seedId('ip:<slug>', 'ip:<slug>'),
    style: { color: '#0891b2', shape: 'octagon' },
  },
  Organization: {
    description: 'Bund, Land, Kommune, EU body, company or cooperative.',
    plural: 'organizations',
    fields: {
      level: { type: 'String', description: 'Bund, Land, Kommune, EU, international, company, cooperative.', required: true, values: ORGANIZATION_LEVELS, indexed: true },
      kind: { type: 'String', description: 'ministry, agency, it-provider, body, ...' },
      shortName: { type: 'String', searchable: true },
      url: { type: 'String' },
      city: { type: 'String' },
      country: { type: 'String', description: "Its seat country (ISO 3166-1 alpha-2, EU for the Union's bodies), as a source states it or, for German public bodies, inferred from the level (see countryEvidence)." },
      countryEvidence: { type: 'String', description: 'How sure the seat country is: sourced, secondary or inferred.' },
    },
    filters: ['text', 'evidence', 'level', 'kind'],
    seed: seedId('org:<slug>', 'org:<slug>'),
    style: { color: '#d97706', shape: 'hexagon' },
  },
  Stack: {
    description: 'A technology stack: the D-Stack, GovStack, EU and other national stacks.',
    plural: 'stacks',
    fields: {
      issuer: { type: 'String', description: 'Who publishes it.' },
      country: { type: 'String', description: 'ISO country code, or EU.' },
      version: { type: 'String' },
      publishedAt: { type: 'String', format: 'date' },
    },
    filters: ['text', 'evidence'],
    seed: seedId('stack:<slug>', 'stack:<slug>'),
    style: { color: '#be185d', shape: 'barrel' },
  },
  BuildingBlock: {
    description: 'A GovStack or EIRA building block.',
    plural: 'buildingBlocks',
    fields: {
      framework: { type: 'String', description: 'GovStack, EIRA or EuroStack.', required: true, values: BUILDING_BLOCK_FRAMEWORKS },
      status: { type: 'String' },
      view: { type: 'String', description: 'The EIRA view it belongs to.' },
    },
    filters: ['text', 'evidence', 'stack'],
    seed: seedId('bb:<framework>:<slug>', 'bb:<slug>:<slug>'),
    style: { color: '#4f46e5', shape: 'round-pentagon' },
  },
  Requirement: {
    description: 'A MUSS or SOLL rule.',
    plural: 'requirements',
    fields: {
      level: { type: 'String', description: 'MUSS or SOLL.', required: true, values: REQUIREMENT_LEVELS },
      text: { type: 'String', description: 'The rule as its source words it.', required: true, searchable: true },
      rule: { type: 'String', description: 'must-use, must-meet or must-not: how compliance reads it.', values: REQUIREMENT_RULES },
    },
    filters: ['text', 'evidence', 'level'],
    seed: seedId('req:<slug>', 'req:<slug>'),
    style: { color: '#dc2626', shape: 'triangle' },
  },
  Exception: {
    description: 'A granted deviation from a requirement.',
    plural: 'exceptions',
    fields: {
      expires: { type: 'String', description: 'The last day it holds (YYYY-MM-DD); it exempts until then and not a day longer.', format: 'date' },
      reason: { type: 'String' },
      since: { type: 'String', description: 'The day it was granted (YYYY-MM-DD).', format: 'date' },
      request: { type: 'String', description: 'The exception request it grants (exception-request-N).' },
    },
    filters: ['text', 'evidence', 'expiringWithin'],
    seed: seedId('exc:<slug>', 'exc:<slug>', { requirement: 'DEVIATES_FROM', grantedTo: 'GRANTED_FOR' }),
    style: { color: '#f87171', shape: 'vee' },
  },
  Kpi: {
    description: 'A key figure or target.',
    plural: 'kpis',
    fields: {
      value: { type: 'Float' },
      unit: { type: 'String' },
      target: { type: 'Float' },
      asOf: { type: 'String', format: 'date' },
    },
    filters: ['text', 'evidence'],
    seed: seedId('kpi:<slug>', 'kpi:<slug>'),
    style: { color: '#ca8a04', shape: 'rhomboid' },
  },
  ReferencePattern: {
    description: 'A golden path: a reference combination of components and standards.',
    plural: 'referencePatterns',
    fields: { whenToUse: { type: 'String', description: 'When to take this path.' } },
    filters: ['text', 'evidence'],
    seed: seedId('pattern:<slug>', 'pattern:<slug>'),
    style: { color: '#0f766e', shape: 'round-octagon' },
  },
  Milestone: {
    description: 'A dated roadmap fact.',
    plural: 'milestones',
    fields: { date: { type: 'String', description: 'YYYY, YYYY-MM or YYYY-MM-DD.', required: true, format: 'date' } },
    filters: ['text', 'evidence', 'from', 'to'],
    seed: seedId('milestone:<slug>', 'milestone:<slug>'),
    style: { color: '#9333ea', shape: 'round-tag' },
  },
  Criterion: {
    description: 'A D-Stack criterion, sovereignty criterion or architecture principle.',
    plural: 'criteria',
    fields: {
      scheme: { type: 'String', description: 'The scheme the criterion belongs to.', required: true },
      key: { type: 'String', description: 'Its short key within the scheme.' },
    },
    filters: ['text', 'evidence', 'scheme'],
    seed: seedId('criterion:<scheme>:<slug>', 'criterion:<slug>:<slug>'),
    style: { color: '#a16207', shape: 'star' },
  },
  Decision: {
    description:
      "A decision about an item: who decided what, when, for which stack, with which rationale and (where\nthe decision states them) criteria results. Only published decisions are recorded; the data set's\nstack definitions count as one decision per stack version.",
    plural: 'decisions',
    fields: {
      outcome: { type: 'String', description: 'included, rejected, mandated, recommended, deferred or withdrawn.' },
      date: { type: 'String', description: 'YYYY, YYYY-MM or YYYY-MM-DD; null when no source states it.' },
      reference: { type: 'String', description: "The decision's own number or title, e.g. Beschluss 2017/37." },
      rationale: { type: 'String', description: 'What the decision states as its content or reason.', searchable: true },
      bodyName: { type: 'String', description: 'The deciding body as the source names it.' },
      request: { type: 'String', description: 'The inclusion request it decides (inclusion-request-N).' },
    },
    filters: ['text', 'evidence', 'stack', 'from', 'to'],
    style: { color: '#0f766e', shape: 'cut-rectangle' },
  },
  Event: {
    description: 'A dated event about an item: a licence or price-model change, an end of life or of sale, an acquisition.',
    plural: 'events',
    fields: {
      kind: { type: 'String', description: 'licence-change, price-model-change, end-of-life, end-of-sale or acquisition.', required: true, values: EVENT_KINDS, indexed: true },
      date: { type: 'String', description: 'The day (or month) it took effect, as its source states it.', required: true, format: 'date' },
      licenceBefore: { type: 'String', description: 'The licence before a licence change (SPDX).' },
      licenceAfter: { type: 'String', description: 'The licence after a licence change (SPDX).' },
      scope: { type: 'String', description: 'The version, edition or deployment it concerns (e.g. Server, 2016 and 2019, 7 Community Edition); null: the item as a whole (then an end-of-life event ends the item).' },
    },
    filters: ['text', 'evidence', 'kind', 'from', 'to'],
    seed: seedId('event:<slug>', 'event:<slug>', { item: 'AFFECTS' }),
    style: { color: '#b45309', shape: 'round-diamond' },
  },
} as const satisfies Readonly<Record<string, LabelSpec>>;

export type NodeLabel = keyof typeof LABELS;

/** Every label of the public graph model. */
export const NODE_LABELS = Object.keys(LABELS) as readonly NodeLabel[];
