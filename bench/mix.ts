/**
 * The benchmark's fixed mix. Each query is read three ways on the same database, and the three
 * answers must agree on the ids of `signature` before anything is timed:
 *   (a) api  — this API over HTTP (POST /graphql, JSON), its own express server and default limits;
 *   (b) raw  — hand-written Cypher through neo4j-driver in process (bench/raw/<raw>.cypher, executeRead);
 *   (c) peer — @neo4j/graphql 7.6.3 over HTTP (bench/peer/typeDefs.graphql, its own ApolloServer).
 *
 *  1. hubImpact   impact of a hub: summary and the first 100 services (distance, then id)
 *  2. midImpact   the same for a mid-sized origin (transitive dependents closest to 2 % of all components)
 *  3. componentList  components(first: 100) with dependsOn(first: 20) → dependsOn(first: 20) and usedBy(first: 20)
 *     (the issue's text leaves both dependsOn at their default of 100: the API's cost model prices that at
 *     1,012,200 values and refuses it above QUERY_MAX_COST 200,000, so the mix asks for 20 on all three)
 *  4. node        node(id: "bundid") with dependsOn, dependents, implements, usedBy(first: 100), layers, stacks
 *  5. subgraph    subgraph(ids: [id], depth: 2) of a node whose 2-hop neighbourhood stays under 5,000 nodes
 *  6. search      search(text: "Wohngeld", first: 20)
 *  7. compliance  compliance(serviceId) of the service with the most applicable requirements
 * plus "repeated read": query 1 twice in a row, the second timed, and the floor (httpFloorQuery,
 * row 0): `{ __typename }` on both servers, `RETURN 1` for raw Cypher.
 */
import { ordered, unordered, type Signature } from './compare';

/** The values the mix is run with (picked deterministically per phase, see pick.ts). */
export interface MixParams {
  readonly hub: string;
  readonly mid: string;
  readonly nodeId: string;
  readonly subgraphId: string;
  readonly serviceId: string;
  readonly searchText: string;
  /** 'YYYY-MM-DD' (UTC), the day the API judges exceptions by. */
  readonly today: string;
}

/** A GraphQL request: document and variables. */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** One query of the mix in its three forms, and how to read the ids out of each answer. */
export interface MixQuery {
  readonly key: string;
  readonly title: string;
  api(p: MixParams): GraphQLRequest;
  peer(p: MixParams): GraphQLRequest;
  /** bench/raw/<raw>.cypher and its parameters (integers are converted by the runner). */
  readonly raw: string;
  rawParams(p: MixParams): Record<string, unknown>;
  /** The ids the answer must agree on; `data` is GraphQL `data`, or the raw rows. */
  readonly signature: { api(data: unknown): Signature; peer(data: unknown): Signature; raw(rows: unknown[]): Signature };
}

/** Options of the API's documents that depend on the deployed schema. */
export interface ApiShape {
  /** ImpactReport.services takes `first` (paged impact report); otherwise the whole list comes back. */
  readonly pagedImpact: boolean;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as unknown[]).map(obj) : []);
const str = (v: unknown): string => (v === null || v === undefined ? '∅' : String(v));
const idOf = (v: unknown): string => str(obj(v).id);
const linkIds = (v: unknown): string[] => list(v).map((l) => idOf(l.node));

const IMPACT_SUMMARY = 'summary { componentCount serviceCount byLayer { node { id } count } byTopic { node { id } count } byExecutingLevel { level count } }';
/** The first page of impacted services every target is compared on. */
export const IMPACT_PAGE = 100;

/** Signature of an impact report in the shared shape { summary, services: [{service: {id}, distance}] }. */
export function impactSignature(report: unknown): Signature {
  const r = obj(report);
  const s = obj(r.summary);
  const groups = (v: unknown): string[] => list(v).map((g) => `${idOf(g.node)}=${str(g.count)}`);
  return {
    componentCount: ordered([str(s.componentCount)]),
    serviceCount: ordered([str(s.serviceCount)]),
    byLayer: ordered(groups(s.byLayer)),
    byTopic: ordered(groups(s.byTopic)),
    byExecutingLevel: ordered(list(s.byExecutingLevel).map((g) => `${str(g.level)}=${str(g.count)}`)),
    services: ordered(list(r.services).slice(0, IMPACT_PAGE).map((x) => `${idOf(x.service)}@${str(x.distance)}`)),
  };
}

/** A component of the root list in the raw shape. */
interface ListedComponent {
  id: string;
  dependsOn: { id: string; dependsOn: string[] }[];
  usedBy: string[];
}

/** Signature of query 3 from { totalCount, components } in the raw shape. */
export function componentListSignature(totalCount: unknown, components: ListedComponent[]): Signature {
  return {
    totalCount: ordered([str(totalCount)]),
    page: ordered(components.map((c) => c.id)),
    dependsOn: ordered(components.flatMap((c) => c.dependsOn.map((d) => `${c.id}>${d.id}`))),
    dependsOn2: ordered(components.flatMap((c) => c.dependsOn.flatMap((d) => d.dependsOn.map((e) => `${c.id}>${d.id}>${e}`)))),
    usedBy: ordered(components.flatMap((c) => c.usedBy.map((s) => `${c.id}<${s}`))),
  };
}

const NODE_FIELDS = ['dependsOn', 'dependents', 'implements', 'usedBy', 'layers', 'stacks'] as const;

/** Signature of query 4 from a node with id lists per relationship field. */
export function nodeSignature(node: { id: string; fields: Record<string, string[]> }): Signature {
  const sig: Signature = { id: ordered([node.id]) };
  for (const f of NODE_FIELDS) sig[f] = ordered(node.fields[f] ?? []);
  return sig;
}

/** Signature of a subgraph: nodes with labels and edges, as sets. */
export function subgraphSignature(sub: unknown): Signature {
  const s = obj(sub);
  return {
    nodes: unordered(list(s.nodes).map((n) => `${str(n.id)}:${str(n.label)}`)),
    edges: unordered(list(s.edges).map((e) => `${str(e.source)}|${str(e.type)}|${str(e.target)}`)),
  };
}

/** Signature of search hits: ids in order. */
export function searchSignature(hits: unknown): Signature {
  return { hits: ordered(list(hits).map((h) => idOf(h.node))) };
}

/** Signature of a compliance report: score, counts and items per group in order. */
export function complianceSignature(report: unknown): Signature {
  const r = obj(report);
  const group = (g: Obj): string[] => [`met=${str(g.met)}`, `violated=${str(g.violated)}`, ...list(g.items).map((i) => `${idOf(i.requirement)}:${str(i.status)}`)];
  return {
    score: ordered([Number(r.score).toFixed(6)]),
    muss: ordered(group(obj(r.muss))),
    soll: ordered(group(obj(r.soll))),
  };
}

const SORT = 'sort: [{ name: ASC }, { id: ASC }]';
/** `first` of both dependsOn levels of query 3 (the default 100 is over the API's cost budget). */
export const LIST_NESTED_FIRST = 20;

/** The mix for an API of the given shape. */
export function buildMix(shape: ApiShape): MixQuery[] {
  const impactApi = `query Impact($id: ID!) { impactAnalysis(id: $id) { ${IMPACT_SUMMARY} ${shape.pagedImpact ? `services(first: ${IMPACT_PAGE})` : 'services'} { service { id } distance } } }`;
  const impactPeer = `query Impact($id: ID!) { impactAnalysis(id: $id, first: ${IMPACT_PAGE}) { ${IMPACT_SUMMARY} services { service { id } distance } } }`;
  const impactSig = {
    api: (d: unknown) => impactSignature(obj(d).impactAnalysis),
    peer: (d: unknown) => impactSignature(obj(d).impactAnalysis),
    raw: (rows: unknown[]) => impactSignature(obj(rows[0]).report),
  };
  const impact = (key: string, title: string, pick: (p: MixParams) => string): MixQuery => ({
    key,
    title,
    api: (p) => ({ query: impactApi, variables: { id: pick(p) } }),
    peer: (p) => ({ query: impactPeer, variables: { id: pick(p) } }),
    raw: 'impact',
    rawParams: (p) => ({ id: pick(p), maxDepth: 6, first: IMPACT_PAGE }),
    signature: impactSig,
  });

  return [
    impact('hubImpact', 'impact of a hub: summary + first 100 services', (p) => p.hub),
    impact('midImpact', 'impact of a mid-sized origin: summary + first 100 services', (p) => p.mid),
    {
      key: 'componentList',
      title: `components(first: 100), dependsOn(first: ${LIST_NESTED_FIRST}) twice, usedBy(first: 20)`,
      api: () => ({
        query: `{ components(first: 100) { totalCount edges { node { id name dependsOn(first: ${LIST_NESTED_FIRST}) { node { id name dependsOn(first: ${LIST_NESTED_FIRST}) { node { id } } } } usedBy(first: 20) { node { id name } } } } } }`,
        variables: {},
      }),
      peer: () => ({
        query: `{ componentsConnection(first: 100, ${SORT}) { totalCount edges { node { id name dependsOn(limit: ${LIST_NESTED_FIRST}, ${SORT}) { id name dependsOn(limit: ${LIST_NESTED_FIRST}, ${SORT}) { id } } usedBy(limit: 20, ${SORT}) { id name } } } } }`,
        variables: {},
      }),
      raw: 'componentList',
      rawParams: () => ({ first: 100, nestedFirst: LIST_NESTED_FIRST }),
      signature: {
        api: (d) => {
          const c = obj(obj(d).components);
          return componentListSignature(
            c.totalCount,
            list(c.edges).map((e) => {
              const n = obj(e.node);
              return { id: idOf(n), dependsOn: list(n.dependsOn).map((l) => ({ id: idOf(l.node), dependsOn: linkIds(obj(l.node).dependsOn) })), usedBy: linkIds(n.usedBy) };
            }),
          );
        },
        peer: (d) => {
          const c = obj(obj(d).componentsConnection);
          return componentListSignature(
            c.totalCount,
            list(c.edges).map((e) => {
              const n = obj(e.node);
              return { id: idOf(n), dependsOn: list(n.dependsOn).map((x) => ({ id: idOf(x), dependsOn: list(x.dependsOn).map(idOf) })), usedBy: list(n.usedBy).map(idOf) };
            }),
          );
        },
        raw: (rows) => {
          const r = obj(rows[0]);
          return componentListSignature(
            r.totalCount,
            list(r.components).map((n) => ({ id: idOf(n), dependsOn: list(n.dependsOn).map((x) => ({ id: idOf(x), dependsOn: list(x.dependsOn).map(idOf) })), usedBy: list(n.usedBy).map(idOf) })),
          );
        },
      },
    },
    {
      key: 'node',
      title: 'node(id) of a component with six relationship fields',
      api: (p) => ({
        query:
          'query Node($id: ID!) { node(id: $id) { id name ... on Component { dependsOn { node { id } } dependents { node { id } } implements { node { id } } usedBy(first: 100) { node { id } } layers { node { id } } stacks { node { id } } } } }',
        variables: { id: p.nodeId },
      }),
      peer: (p) => ({
        query: `query Node($id: ID!) { graphNodes(where: { id: { eq: $id } }) { id name ... on Component { ${NODE_FIELDS.map((f) => `${f}(limit: 100, ${SORT}) { id }`).join(' ')} } } }`,
        variables: { id: p.nodeId },
      }),
      raw: 'componentNode',
      rawParams: (p) => ({ id: p.nodeId }),
      signature: {
        api: (d) => {
          const n = obj(obj(d).node);
          return nodeSignature({ id: idOf(n), fields: Object.fromEntries(NODE_FIELDS.map((f) => [f, linkIds(n[f])])) });
        },
        peer: (d) => {
          const nodes = list(obj(d).graphNodes);
          const n = nodes[0] ?? {};
          return nodeSignature({ id: nodes.length === 1 ? idOf(n) : `${nodes.length} nodes`, fields: Object.fromEntries(NODE_FIELDS.map((f) => [f, list(n[f]).map(idOf)])) });
        },
        raw: (rows) => {
          const n = obj(obj(rows[0]).node);
          return nodeSignature({ id: idOf(n), fields: Object.fromEntries(NODE_FIELDS.map((f) => [f, (Array.isArray(n[f]) ? (n[f] as unknown[]) : []).map(str)])) });
        },
      },
    },
    {
      key: 'subgraph',
      title: 'subgraph(ids: [id], depth: 2): nodes and edges',
      api: (p) => ({ query: 'query Subgraph($id: ID!) { subgraph(ids: [$id], depth: 2) { nodes { id label } edges { source target type } } }', variables: { id: p.subgraphId } }),
      peer: (p) => ({ query: 'query Subgraph($id: ID!) { subgraph(id: $id) { nodes { id label } edges { source target type } } }', variables: { id: p.subgraphId } }),
      raw: 'subgraph',
      rawParams: (p) => ({ id: p.subgraphId }),
      signature: {
        api: (d) => subgraphSignature(obj(d).subgraph),
        peer: (d) => subgraphSignature(obj(d).subgraph),
        raw: (rows) => subgraphSignature(obj(rows[0]).subgraph),
      },
    },
    {
      key: 'search',
      title: 'search(text: "Wohngeld", first: 20)',
      api: (p) => ({ query: 'query Search($text: String!) { search(text: $text, first: 20) { score node { id name } } }', variables: { text: p.searchText } }),
      peer: (p) => ({ query: 'query Search($text: String!) { search(text: $text, first: 20) { score node { id name } } }', variables: { text: p.searchText } }),
      raw: 'search',
      rawParams: (p) => ({ text: p.searchText, first: 20 }),
      signature: {
        api: (d) => searchSignature(obj(d).search),
        peer: (d) => searchSignature(obj(d).search),
        raw: (rows) => searchSignature(rows.map((r) => obj(r).hit)),
      },
    },
    {
      key: 'compliance',
      title: 'compliance(serviceId): score, MUSS and SOLL items',
      api: (p) => ({
        query:
          'query Compliance($id: ID!) { compliance(serviceId: $id) { score muss { met violated items { requirement { id } status } } soll { met violated items { requirement { id } status } } } }',
        variables: { id: p.serviceId },
      }),
      peer: (p) => ({
        query:
          'query Compliance($id: ID!, $today: String!) { compliance(serviceId: $id, today: $today) { score muss { met violated items { requirement { id } status } } soll { met violated items { requirement { id } status } } } }',
        variables: { id: p.serviceId, today: p.today },
      }),
      raw: 'compliance',
      rawParams: (p) => ({ serviceId: p.serviceId, today: p.today }),
      signature: {
        api: (d) => complianceSignature(obj(d).compliance),
        peer: (d) => complianceSignature(obj(d).compliance),
        raw: (rows) => complianceSignature(obj(rows[0]).report),
      },
    },
  ];
}

/** The key of the floor row: what a request costs when nothing is read. */
export const HTTP_FLOOR = 'httpFloor';

/**
 * The floor: `{ __typename }` on both servers (parsing, validation, the HTTP round trip; no
 * resolver, no database) and `RETURN 1` in a read transaction for raw Cypher. Timed with the mix, not
 * part of the agreement check (there are no ids to agree on).
 */
export function httpFloorQuery(): MixQuery {
  const typename = (d: unknown): Signature => ({ typename: ordered([str(obj(d).__typename)]) });
  return {
    key: HTTP_FLOOR,
    title: 'HTTP floor: `{ __typename }` (b: `RETURN 1` in a read transaction)',
    api: () => ({ query: '{ __typename }', variables: {} }),
    peer: () => ({ query: '{ __typename }', variables: {} }),
    raw: 'floor',
    rawParams: () => ({}),
    signature: { api: typename, peer: typename, raw: (rows) => ({ typename: ordered([str(obj(rows[0]).one) === '1' ? 'Query' : str(obj(rows[0]).one)]) }) },
  };
}
