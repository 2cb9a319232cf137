/**
 * Ready example operations for the playground's "Examples" panel, one per main question. Their
 * variables name real nodes of the seed data (ids from seeds/ and the OZG catalogue); an
 * integration test runs every one of them against the seeded graph (test/web/examples.int.test.ts).
 * Open one directly with /graphql?example=<id>.
 */
export interface Example {
  /** Stable id, used in /graphql?example=<id>. */
  readonly id: string;
  readonly title: string;
  /** The question it answers, in a sentence or two. */
  readonly description: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** A write: needs a token (set `Authorization` in the Headers tab); refused on a server without sign-in. */
  readonly write?: boolean;
}

const SIGN_IN = `# Writes need a token of the configured OpenID Connect issuer (about { writes } names it).
# In this playground: open "Headers" (below the editor) and enter
#   { "Authorization": "Bearer <access token>" }
# With the repository's Keycloak (npm run keycloak) a token comes from:
#   curl -s -d grant_type=password -d client_id=dstack-graph-cli -d username=alice \\
#     -d password=dstack-test-1 http://127.0.0.1:8180/realms/dstack/protocol/openid-connect/token
# The token lives 5 minutes; nothing is stored in the browser.`;

export const EXAMPLES: readonly Example[] = [
  {
    id: 'impact',
    title: 'Impact of a component change',
    description:
      'What is hit when BundID changes: every component that depends on it (with the distance and one chain), every service that uses it or a hit component, how sure each hit is (sourced or inferred links), and the summary by layer, OZG topic and executing level, with how many services have any known component use at all. Set evidence to SOURCED to follow only links a source states.',
    variables: { id: 'bundid', maxDepth: 6, evidence: 'ANY' },
    query: `# What is hit when a component changes? Try "epaybl", "fit-connect" or a standard such as "xoev".
# evidence: ANY follows sourced and inferred links; SOURCED only links a source states.
query ImpactOfComponentChange($id: ID!, $maxDepth: Int = 6, $evidence: EvidenceFilter = ANY) {
  impactAnalysis(id: $id, maxDepth: $maxDepth, evidence: $evidence) {
    origin { id name label }
    summary {
      componentCount
      serviceCount
      componentsByEvidence { sourced inferred }
      servicesByEvidence { sourced inferred }
      # Read serviceCount against this: for services without known use, use is unknown, not absent.
      coverage { services sourced inferred none }
      organizationCount
      byExecutingLevel { level count }
      byTopic { node { name } count }
      byLayer { node { id name } count }
    }
    components(first: 20) {
      distance
      evidence
      component { id name }
      path { name }
    }
    services(first: 20) {
      cursor
      distance
      evidence
      service { leikaKey name }
      via { name }
    }
  }
}
`,
  },
  {
    id: 'dependencies',
    title: 'Dependencies of a component',
    description: 'What EfA Wohngeld builds on: DEPENDS_ON and IMPLEMENTS forward, each entry with its distance and the node one step closer to the root.',
    variables: { id: 'efa-wohngeld', maxDepth: 4 },
    query: `# What does a component build on, directly and transitively?
query DependenciesOfComponent($id: ID!, $maxDepth: Int = 6) {
  dependencies(id: $id, maxDepth: $maxDepth) {
    root { id name }
    entries {
      distance
      relationship
      node { id name label }
      parent { name }
    }
  }
}
`,
  },
  {
    id: 'path',
    title: 'Path between two nodes',
    description: 'How the service "Wohngeld Bewilligung" is connected to the ITZBund: a shortest chain over any relationship, with the direction of each step.',
    variables: { from: 'leika:99107023017000', to: 'org:itzbund', maxDepth: 6 },
    query: `# How are two nodes connected? Any relationship, either direction.
query PathBetweenNodes($from: ID!, $to: ID!, $maxDepth: Int = 6) {
  path(from: $from, to: $to, maxDepth: $maxDepth) {
    length
    steps {
      from { name label }
      type
      forward
      to { name label }
    }
  }
}
`,
  },
  {
    id: 'alternatives',
    title: 'Alternatives with guidance',
    description: 'Which payment providers can replace ePayBL, when to prefer which, and how many services each alternative would affect.',
    variables: { id: 'epaybl' },
    query: `# What can replace a component, and when should I prefer which?
query AlternativesWithGuidance($id: ID!) {
  alternatives(id: $id) {
    alternative { id name label }
    guidance
    evidence
    affectedServices
    source
  }
}
`,
  },
  {
    id: 'compliance',
    title: 'Compliance of a service',
    description: 'Which MUSS and SOLL requirements apply to "Baugenehmigung Erteilung" or to what it uses, which are met or violated, and what is missing.',
    variables: { serviceId: 'leika:99012008001000' },
    query: `# Does a service meet the MUSS/SOLL rules that apply to it?
query ComplianceOfService($serviceId: ID!) {
  compliance(serviceId: $serviceId) {
    service { leikaKey name }
    # null when nothing could be assessed; \`note\` says what the score covers
    score assessed notAssessable note
    muss {
      met violated exempted notAssessable
      items {
        status
        requirement { id name }
        appliesVia { name }
        missing { name }
      }
    }
    soll { met violated exempted notAssessable }
  }
}
`,
  },
  {
    id: 'compatibility',
    title: 'Compatibility with GovStack and other stacks',
    description: 'The components and standards of the Deutschland-Stack side by side with GovStack, the EU reference stack and EuroStack: which stack includes what, with status and role.',
    variables: { stackIds: ['stack:germany', 'stack:govstack', 'stack:european-union', 'stack:eurostack'] },
    query: `# Which items do the Deutschland-Stack and other stacks share?
query CompatibilityWithStacks($stackIds: [ID!]!) {
  compatibility(stackIds: $stackIds) {
    stacks { id name }
    rows {
      item { id name label }
      cells { stackId included status role }
    }
  }
}
`,
  },
  {
    id: 'adoption',
    title: 'Adoption by level',
    description: 'For central progress tracking: per component or standard, how many Länder adopt it and with what status. Other levels: Bund, Kommune, EU.',
    variables: { level: 'Land' },
    query: `# Who adopts what, per administrative level?
query AdoptionByLevel($level: String!) {
  adoption(level: $level) {
    node { id name label }
    organizations
    byStatus { status count }
  }
}
`,
  },
  {
    id: 'search',
    title: 'Search',
    description: 'Full-text search over names, descriptions and aliases, optionally narrowed to labels.',
    variables: { text: 'Nutzerkonto', types: ['Component', 'Standard'] },
    query: `# Find nodes by name, description or alias.
query Search($text: String!, $types: [String!]) {
  search(text: $text, types: $types, first: 10) {
    score
    node { id name label evidence source }
  }
}
`,
  },
  {
    id: 'subgraph',
    title: 'Subgraph for visualisation',
    description: 'The neighbourhood of FIT-Connect (one hop, every relationship type) as nodes and edges ready for Cytoscape.js, graphology or D3. The explorer at /explore draws exactly this.',
    variables: { ids: ['fit-connect'], depth: 1 },
    query: `# A neighbourhood as nodes and edges, for drawing.
query SubgraphForVisualisation($ids: [ID!]!, $depth: Int = 1, $types: [String!]) {
  subgraph(ids: $ids, depth: $depth, types: $types) {
    nodes { id label name evidence }
    edges { id source target type evidence }
  }
}
`,
  },
  {
    id: 'component',
    title: 'A component and its relationships',
    description: 'Everything known about BundID: its properties with provenance, what it depends on, what implements, who operates and adopts it, and the stacks that include it.',
    variables: { id: 'bundid' },
    query: `# One node with its relationships; every link carries source and evidence.
query ComponentProfile($id: ID!) {
  node(id: $id) {
    id name label source evidence
    ... on Component {
      kind status homepage license
      dependsOn { type evidence node { id name } }
      implements { node { id name } }
      operators { node { name } }
      adopters { status node { name level } }
      stacks { status role node { name } }
      usedBy(first: 10) { evidence node { leikaKey name } }
    }
  }
}
`,
  },
  {
    id: 'services',
    title: 'Services by topic and level (paged)',
    description: 'Root lists page with `first`/`after` and filter; `totalCount` counts all matches. Here: LeiKa services whose name contains "Wohngeld".',
    variables: { first: 10, filter: { text: 'Wohngeld' } },
    query: `# Browse a root list with a filter, page by page (pass pageInfo.endCursor as $after).
query ServicesPage($first: Int = 50, $after: String, $filter: NodeFilter) {
  services(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        leikaKey name executingLevels
        uses { node { name } }
      }
    }
  }
}
`,
  },
  {
    id: 'sources',
    title: 'Sources and what rests on them',
    description:
      'The source registry: every source once, at its publisher\'s canonical address, with its kind (law, official, standards body, operator, vendor, data set, press, secondary) and how many facts rest on it; what rests on one source; the inference rules with the links they made; and the citations of one node and its links.',
    variables: { kind: 'law', source: 'heise-11225804', id: 'leika:99107023017000' },
    query: `# Where do the facts come from? Every node and link cites registry entries (with a locator).
query Sources($kind: String, $source: ID!, $id: ID!) {
  sources(first: 10, filter: { kind: $kind }) {
    totalCount
    edges { node { id publisher title url kind factCount } }
  }
  source(id: $source) {
    title url publisher kind factCount
    facts(first: 10) {
      nodes { node { id name } locator }
      relationships { type from { name } to { name } locator }
    }
  }
  rules { id name statement edgeCount sources { source { url } locator } }
  node(id: $id) {
    name
    sources { source { publisher url kind } locator }
    ... on Service {
      uses(first: 20) { node { name } evidence rule { id } sources { source { publisher url kind } locator } }
    }
  }
}
`,
  },
  {
    id: 'profile',
    title: 'Profile of a component: licence, steward, criteria, lifecycle',
    description:
      'What Nextcloud\'s licence means (SPDX id and licence class), who stewards it and where (EU or not), how it is run and obtained, how it fares on the six D-Stack criteria (each level with the indicators it rests on, inferred by the documented mapping unless a decision rated it), its stages in the stacks, decisions about it, and what the loads changed.',
    variables: { id: 'nextcloud' },
    query: `# Why is it on the Landkarte, how does it fare, who stands behind it?
query Profile($id: ID!) {
  node(id: $id) {
    name
    ... on Component {
      profile {
        licence { spdx class evidence sources { source { url } } }
        openSource licenceConflict
        steward { organization { name } via evidence }
        jurisdiction { country inEu basis }
        operatingModels { model by { name } }
        obtain { channel url by { name } }
        attestations { scheme holder { name } }
        accessibility { standard level conformance }
        unknown
      }
      criteriaAssessments { criterion { name } level evidence mapping indicators { indicator value } }
      lifecycle { stack { name } status stage stageBasis since rationale rationaleIsGeneric }
      decisions { node { ... on Decision { name date outcome } } }
      history(first: 5) { at op entity key fields }
    }
  }
}
`,
  },
  {
    id: 'ranking',
    title: 'Ranking with your own weights',
    description:
      'Components and standards of the Deutschland-Stack ordered by a weighted score over the D-Stack criteria: met counts 1, partly 0.5, not met and unknown 0 (unknown never counts as met). Change the weights; filter by layer, stack, licence class, operating model or lifecycle stage.',
    variables: {
      weights: [
        { criterion: 'criterion:dstack:digitale-souveraenitaet', weight: 3 },
        { criterion: 'criterion:dstack:interoperabilitaet', weight: 2 },
        { criterion: 'criterion:dstack:vertrauenswuerdigkeit', weight: 1 },
      ],
      filter: { stack: 'stack:germany', licenceClass: ['permissive', 'weak_copyleft', 'strong_copyleft'] },
    },
    query: `# Which items fit my priorities best? (criteriaMapping explains every level)
query Ranking($weights: [CriterionWeight!]!, $filter: RankingFilter) {
  ranking(weights: $weights, filter: $filter, first: 10) {
    totalCount
    weights { criterion { name } weight }
    edges {
      rank score unknownWeight
      node { id name label }
      breakdown { criterion { name } level points }
      unknown { name }
    }
  }
  criteriaMapping { rule criteria { criterion { name } indicators } }
}
`,
  },
  {
    id: 'inclusion',
    title: 'Why is an item (not) in a stack?',
    description:
      'The inclusion of XRechnung in the Deutschland-Stack (or its absence), its lifecycle stage and rationale, and every published decision about it (IT-Planungsrat, laws, the stack definition itself); says so when nothing is published.',
    variables: { item: 'xrechnung', stack: 'stack:germany' },
    query: `# Why is it (not) in the stack, and who decided?
query Inclusion($item: ID!, $stack: ID!) {
  inclusion(item: $item, stack: $stack) {
    included published explanation
    inclusion { status stage stageBasis since listedIn rationale rationaleIsGeneric }
    decisions { name date outcome reference rationale bodyName sources { source { url publisher } } }
  }
}
`,
  },
  {
    id: 'truth',
    title: 'How sure is it? Evidence, conflicts, time',
    description:
      "Milvus's licence with the data set's value it overrode, the item's editions and dated events, and which services depend on something whose licence changed; then the facts not re-checked for six months.",
    variables: { id: 'elasticsearch' },
    query: `# What holds, what it overrode, and since when
query Truth($id: ID!) {
  node(id: $id) {
    id name
    ... on Component {
      license
      profile { licence { spdx class evidence sources { source { publisher kind url } } } openCore editions { name spdx class } ended { on basis } }
      conflicts { field value overridden statedAt reason }
      events { node { ... on Event { name kind scope date licenceBefore licenceAfter } } }
    }
  }
  riskReach(kind: licence_changed, first: 10) { itemCount serviceCount items(first: 10) { id name } }
  stale(olderThanMonths: 6, first: 5) { totalCount cutoff edges { entity node { id } type from { id } to { id } checked evidence } }
}
`,
  },
  {
    id: 'changes',
    title: 'What changed since a date',
    description:
      'The change log: every load records the nodes and relationships it added, removed and changed (with the changed properties), the time and the data set versions. Filter by node, label or kind of change.',
    variables: { since: '2026-01-01' },
    query: `# What changed in the graph since a date?
query Changes($since: String!) {
  loads(first: 5) { id at datasets nodesAdded nodesRemoved nodesChanged relationshipsAdded relationshipsRemoved relationshipsChanged }
  changes(since: $since, first: 20) {
    totalCount
    edges { node { at op entity label key fields node { name } } }
  }
}
`,
  },
  {
    id: 'whatif',
    title: 'What-if: remove or replace components',
    description:
      'What removing BundID would break compared with today: services that lose their only user account break, those that also offer a Länder account or BayernID (a role with an alternative) are only degraded; requirements newly violated; the difference by topic, executing level and layer. Replace instead of remove with replacements: [{from, to}].',
    variables: { removals: ['bundid'], replacements: [] },
    query: `# What would a change actually break? (read-only)
query WhatIf($removals: [ID!], $replacements: [ReplacementInput!]) {
  simulateChange(removals: $removals, replacements: $replacements) {
    summary { brokenServices degradedServices recoveredServices brokenComponents degradedComponents requirementsViolated }
    changes(first: 20) {
      node { id name label } before after
      lostRoles { name need lost { name } left { name } }
    }
    requirements { requirement { name level } service { name } before after missing { name } }
    byExecutingLevel { key brokenBefore brokenAfter degradedBefore degradedAfter }
    byTopic { node { name } brokenAfter degradedAfter }
  }
  impactAnalysis(id: "bundid") {
    severity {
      services { broken degraded reached }
      hits(first: 5) { severity distance node { name } }
    }
  }
}
`,
  },
  {
    id: 'risks',
    title: 'Risks a service inherits',
    description:
      'The risks "Wohngeld Bewilligung" inherits from the components and standards it uses and what they depend on (licence class, steward outside the EU, lifecycle, end of support, D-Stack criteria not met), each with the chain that carries it; and the reverse: which services a risk reaches.',
    variables: { serviceId: 'leika:99107023017000', kind: 'licence_proprietary' },
    query: `# Which risks does a service inherit, and through what?
query Risks($serviceId: ID!, $kind: RiskKind!) {
  risks(serviceId: $serviceId) {
    byKind { kind count }
    risks { kind detail item { name } path { name } }
  }
  riskReach(kind: $kind, first: 10) {
    items { name }
    serviceCount
    services { service { name } item { name } path { name } }
  }
}
`,
  },
  {
    id: 'propose',
    title: 'Propose a change (sign-in)',
    description:
      'A contributor proposes a change set with a reason and citations; it is checked by the same rules as the seed files and waits for a reviewer. With organization it is a report about the author\'s own organisation (evidence reported). Needs a token: see the comment for the Authorization header.',
    write: true,
    variables: {
      input: {
        reason: 'Hamburg pilots the BundID-Postfach for its online services.',
        organization: 'org:land-hamburg',
        citations: ['brandenburg-bundid'],
        operations: [{ op: 'ADD_LINK', type: 'ADOPTS', from: 'org:land-hamburg', to: 'bundid-postfach', properties: { status: 'piloting' } }],
      },
    },
    query: `${SIGN_IN}
# Operations: ADD_NODE, CHANGE_NODE, REMOVE_NODE (by id), ADD_LINK, CHANGE_LINK, REMOVE_LINK (by type, from, to).
mutation ProposeChange($input: ProposalInput!) {
  propose(input: $input) {
    id
    status
    kind
    organization
    diff { op key before after conflict }
  }
}
`,
  },
  {
    id: 'review',
    title: 'Review a proposal (sign-in)',
    description:
      'A reviewer (never the proposal\'s author: four eyes) accepts a submitted proposal, which applies the whole change set in one transaction, or rejects it with a reason. CONFLICT when what it changes moved since it was filed.',
    write: true,
    variables: { id: 'proposal-1' },
    query: `${SIGN_IN}
# To reject instead: rejectProposal(id: $id, reason: "...") { id status decisionReason }
mutation ReviewProposal($id: ID!) {
  acceptProposal(id: $id) {
    id
    status
    reviewer
    graphVersion
    diff { op key before after }
  }
}
`,
  },
  {
    id: 'proposals',
    title: 'Proposals and their review',
    description: 'Proposals, newest first, filtered by status, author, organisation or a node they touch, each with its operations, its diff against today\'s graph, and the decision. Public to read.',
    variables: { status: 'submitted' },
    query: `# status: submitted, accepted, rejected or withdrawn; touches: a node id, e.g. "bundid".
query Proposals($status: ProposalStatus, $touches: ID) {
  about { writes { enabled issuer readAccess } }
  proposals(status: $status, touches: $touches, first: 20) {
    id
    status
    kind
    author
    organization
    reason
    citations
    createdAt
    reviewer
    decisionReason
    diff { op key before after conflict }
  }
  curationConflicts { proposal message }
}
`,
  },
  {
    id: 'request-inclusion',
    title: 'Request an inclusion (sign-in)',
    description:
      'A contributor asks for an item to be included in the Deutschland-Stack, with a self-assessment on all six D-Stack criteria. Reviewers comment, ask for changes and decide with a reason per criterion; the decision becomes a Decision in the graph. Needs a token.',
    write: true,
    variables: {
      input: {
        newItem: { id: 'example-item', label: 'Component', name: 'Example item (edit before sending)', kind: 'product', license: 'EUPL-1.2', operatingModels: ['self-hosted'] },
        stack: 'stack:germany',
        summary: 'Example: say why the item belongs in the stack (edit before sending).',
        selfAssessment: [
          { criterion: 'criterion:dstack:digitale-souveraenitaet', level: 'met', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
          { criterion: 'criterion:dstack:interoperabilitaet', level: 'partly', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
          { criterion: 'criterion:dstack:zukunftsfaehigkeit', level: 'partly', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
          { criterion: 'criterion:dstack:marktrelevanz', level: 'partly', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
          { criterion: 'criterion:dstack:vertrauenswuerdigkeit', level: 'unknown', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
          { criterion: 'criterion:dstack:nachhaltigkeit', level: 'met', reasoning: 'Example: your reasoning for this criterion, with sources.', sources: [] },
        ],
      },
    },
    query: `${SIGN_IN}
# An item already in the graph instead of newItem: item: "<id>" (refused CONFLICT when the stack includes it already).
mutation RequestInclusion($input: InclusionRequestInput!) {
  requestInclusion(input: $input) {
    id
    status
    itemName
    stack { name }
    selfAssessment { criterion { name } level reason }
    timeline { at kind actor }
  }
}
`,
  },
  {
    id: 'report-adoption',
    title: 'Report adoption (sign-in)',
    description:
      "An organisation's contributor reports its own adoption of a component, with the date it holds from; it applies at once with evidence reported (or goes to review, REPORTS_NEED_REVIEW) and is kept, dated, for adoptionProgress. CSV files: importReports. Needs a token.",
    write: true,
    variables: { input: { organization: 'org:land-hamburg', item: 'bundid', status: 'in_use', date: '2026-11-02', services: [] } },
    query: `${SIGN_IN}
# For many rows: importReports(input: { kind: adoption, organization, csv, dryRun: true }) shows the diff first.
mutation ReportAdoption($input: AdoptionReportInput!) {
  reportAdoption(input: $input) {
    outcome
    proposal { id status }
    diff { op key before after }
  }
}
`,
  },
  {
    id: 'participation',
    title: 'Inclusion requests, exceptions and progress',
    description:
      'Public: inclusion requests with their timeline and decision, the negative list (what was rejected or deferred and why), exception requests, exceptions that end soon, and the adoption progress of an item per Land and level over time.',
    variables: { item: 'bundid', from: '2026-01', to: '2026-12' },
    query: `query Participation($item: ID!, $from: String!, $to: String!) {
  inclusionRequests(first: 20) {
    id status itemName stack { name } author organization
    decision { outcome reason criteria { criterion { name } level reason } }
    timeline { at kind actor text }
  }
  notIncluded { itemName decision { outcome reason } }
  exceptionRequests(first: 20) { id status requirementId grantedForId until daysLeft }
  exceptions(expiringWithin: 90) { totalCount edges { node { id expires } } }
  adoptionProgress(item: $item, from: $from, to: $to, interval: quarter) {
    periods
    series { landName level points { period planned piloting inUse retired } }
    total { period inUse }
    reports
  }
}
`,
  },
  {
    id: 'refused',
    title: 'A query the limits refuse',
    description: 'The API prices every query before it runs. This one asks for 1,000 × 1,000 × 1,000 links and is refused with COST_LIMIT_EXCEEDED before it touches the database.',
    variables: {},
    query: `# Refused before it runs: the cost limit (QUERY_MAX_COST) bounds every query.
query TooExpensive {
  components(first: 500) {
    edges {
      node {
        usedBy(first: 1000) {
          node {
            uses(first: 1000) { node { usedBy(first: 1000) { node { name } } } }
          }
        }
      }
    }
  }
}
`,
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
