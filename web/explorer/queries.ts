import nodeFields from 'virtual:node-fields';

/** The GraphQL operations of the explorer. Each is priced by the server like any other query. */

export const SEARCH = `query ExplorerSearch($text: String!) {
  search(text: $text, first: 15) { score node { id name label } }
}`;

export const SUBGRAPH = `query ExplorerSubgraph($ids: [ID!]!, $depth: Int!) {
  subgraph(ids: $ids, depth: $depth) {
    truncated
    nodes { id label name evidence }
    edges { id source target type evidence provenance }
  }
}`;

/** One node with every scalar property of its type (the fields come from the SDL at build time). */
export const NODE_DETAILS = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    id name label source evidence
    sources { locator source { id title url publisher kind secondary } }
${Object.entries(nodeFields)
  .filter(([, fields]) => fields.length > 0)
  .map(([type, fields]) => `    ... on ${type} { ${fields.join(' ')} }`)
  .join('\n')}
  }
}`;

/** The profile of a component or standard: licence, steward, how it is run and obtained, the criteria, stages. */
export const ITEM_PROFILE = `query ExplorerProfile($id: ID!) {
  node(id: $id) {
    ... on Component { profile { ...P } criteriaAssessments { ...A } lifecycle { ...L } }
    ... on Standard { profile { ...P } criteriaAssessments { ...A } lifecycle { ...L } }
  }
}
fragment P on Profile {
  licence { spdx class evidence }
  openSource licenceConflict
  steward { organization { id name } via evidence }
  jurisdiction { country inEu basis }
  operatingModels { model by { name } }
  obtain { channel url by { name } }
  attestations { scheme holder { name } }
  accessibility { standard level conformance }
  endOfSupport { date }
  unknown
}
fragment A on Assessment { criterion { id name } level evidence mapping indicators { indicator value } }
fragment L on Inclusion { stack { id name } status stage since rationaleIsGeneric }`;

export interface ItemProfile {
  profile: {
    licence: { spdx: string; class: string; evidence: string } | null;
    openSource: boolean | null;
    licenceConflict: string | null;
    steward: { organization: { id: string; name: string }; via: string; evidence: string } | null;
    jurisdiction: { country: string | null; inEu: boolean; basis: string } | null;
    operatingModels: { model: string; by: { name: string } | null }[];
    obtain: { channel: string; url: string | null; by: { name: string } | null }[];
    attestations: { scheme: string; holder: { name: string } | null }[];
    accessibility: { standard: string; level: string | null; conformance: string | null } | null;
    endOfSupport: { date: string } | null;
    unknown: string[];
  };
  criteriaAssessments: { criterion: { id: string; name: string }; level: string; evidence: string; mapping: string | null; indicators: { indicator: string; value: boolean | null }[] }[];
  lifecycle: { stack: { id: string; name: string }; status: string | null; stage: string | null; since: string | null; rationaleIsGeneric: boolean }[];
}

/** Pages of impacted components and services; `summary` only with the first page. */
export const IMPACT = `query ExplorerImpact($id: ID!, $maxDepth: Int!, $first: Int!, $afterComponents: String, $afterServices: String, $withSummary: Boolean!) {
  impactAnalysis(id: $id, maxDepth: $maxDepth) {
    origin { id name label }
    summary @include(if: $withSummary) {
      componentCount
      serviceCount
      organizationCount
      byLayer { node { id name } count }
      byTopic { node { id name } count }
      byExecutingLevel { level count }
      componentsByEvidence { sourced inferred }
      servicesByEvidence { sourced inferred }
      coverage { services sourced inferred none }
    }
    severity @include(if: $withSummary) { components { broken degraded reached } services { broken degraded reached } }
    components(first: $first, after: $afterComponents) { cursor distance evidence severity component { id name label } path { id } }
    services(first: $first, after: $afterServices) { cursor distance evidence severity service { id name label } via { id } }
  }
}`;

export interface SubgraphNode {
  id: string;
  label: string;
  name: string;
  evidence: string | null;
}
export interface SubgraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  evidence: string | null;
  provenance: string | null;
}
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  /** The neighbourhood was larger than the API answers at once (5,000 nodes or edges) and was cut. */
  truncated: boolean;
}
export interface GroupCount {
  node: { id: string; name: string };
  count: number;
}
export interface ImpactSummary {
  componentCount: number;
  serviceCount: number;
  organizationCount: number;
  byLayer: GroupCount[];
  byTopic: GroupCount[];
  byExecutingLevel: { level: string; count: number }[];
  componentsByEvidence: { sourced: number; inferred: number };
  servicesByEvidence: { sourced: number; inferred: number };
  coverage: { services: number; sourced: number; inferred: number; none: number };
}
/** A citation of a node: the registry entry and where in it. */
export interface Citation {
  locator: string | null;
  source: { id: string; title: string | null; url: string | null; publisher: string | null; kind: string; secondary: boolean };
}
export interface SeverityCounts {
  broken: number;
  degraded: number;
  reached: number;
}
export interface ImpactPage {
  origin: { id: string; name: string; label: string };
  summary?: ImpactSummary;
  severity?: { components: SeverityCounts; services: SeverityCounts };
  components: { cursor: string; distance: number; evidence: string; severity: string; component: { id: string; name: string; label: string }; path: { id: string }[] }[];
  services: { cursor: string; distance: number; evidence: string; severity: string; service: { id: string; name: string; label: string }; via: { id: string } }[];
}
