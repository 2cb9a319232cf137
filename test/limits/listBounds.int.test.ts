import {
  buildSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isListType,
  Kind,
  parse,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { loadConfig } from '../../src/config';
import { SUBGRAPH_EDGE_LIMIT, SUBGRAPH_NODE_LIMIT } from '../../src/explore/bounds';
import { operationCost } from '../../src/limits/cost';
import { costRules } from '../../src/limits/prices';
import { loadTypeDefs } from '../../src/schema';
import { startTestApi, type TestApi } from '../support/api';

const schema = buildSchema(loadTypeDefs().join('\n'));
const rules = costRules(schema, loadConfig({}, false).limits.assumedListSize);

/** What an answer holds against what its query was priced at. */
interface Measure {
  /** The price of the query before it ran. */
  readonly cost: number;
  /** Values the answer holds the way the cost model counts them: list items of objects, root objects. */
  readonly values: number;
  /** Lists longer than their bound (`Type.field: length > bound`); empty when all stayed within. */
  readonly over: string[];
  /** The longest answer of each list field, by `Type.field`. */
  readonly longest: Record<string, number>;
}

/**
 * Walks an answer along its query (fields and inline fragments; `__typename` where the type is
 * abstract): each list's length against the bound the cost model prices it at (`first` when given).
 */
function measure(query: string, variables: Record<string, unknown>, data: unknown): Measure {
  const doc = parse(query);
  const op = getOperationAST(doc)!;
  const cost = operationCost(schema, doc, op, variables, rules);
  let values = 0;
  const over: string[] = [];
  const longest: Record<string, number> = {};
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, value: Record<string, unknown>, parentArgs: Record<string, unknown>, root: boolean): void => {
    // An abstract type without `__typename` in the query is read through its interface's fields.
    const concrete = (isAbstractType(type) && typeof value.__typename === 'string' ? schema.getType(value.__typename) : type) as GraphQLObjectType;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === concrete.name) walk(sel.selectionSet, concrete, value, parentArgs, root);
        continue;
      }
      if (sel.kind !== Kind.FIELD || sel.name.value === '__typename') continue;
      const def = concrete.getFields()[sel.name.value]!;
      const args = getArgumentValues(def, sel, variables);
      const v = value[sel.alias?.value ?? sel.name.value];
      const named = getNamedType(def.type);
      if (v === null || v === undefined || !isCompositeType(named) || !sel.selectionSet) {
        if (Array.isArray(v)) check(`${concrete.name}.${def.name}`, v.length, args, parentArgs);
        continue;
      }
      if (isListType(getNullableType(def.type))) {
        const items = v as Record<string, unknown>[];
        check(`${concrete.name}.${def.name}`, items.length, args, parentArgs);
        values += items.length;
        for (const item of items) walk(sel.selectionSet, named, item, args, false);
      } else {
        if (root) values += 1;
        walk(sel.selectionSet, named, v as Record<string, unknown>, args, false);
      }
    }
  };
  const check = (key: string, length: number, args: Record<string, unknown>, parentArgs: Record<string, unknown>): void => {
    longest[key] = Math.max(longest[key] ?? 0, length);
    const bound = typeof args.first === 'number' ? args.first : rules.listBounds[key]?.(args, parentArgs);
    if (bound === undefined) over.push(`${key}: no bound`);
    else if (length > bound) over.push(`${key}: ${length} > ${bound}`);
  };
  walk(op.selectionSet, schema.getQueryType()!, data as Record<string, unknown>, {}, true);
  return { cost, values, over, longest };
}

/** The largest real answers of the seeded graph stay within the bounds they are priced at. */
describe('list bounds on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  /** Runs a query through the API (so its limits apply) and measures its answer. */
  const run = async (query: string, variables: Record<string, unknown> = {}): Promise<Measure & { data: any }> => {
    const { data, errors } = await api.exec(query, variables);
    expect(errors).toBeUndefined();
    const m = measure(query, variables, data);
    expect(m.over).toEqual([]);
    expect(m.cost).toBeGreaterThanOrEqual(m.values);
    return { ...m, data };
  };
  /** The nodes with the most relationships (the derived ASSESSED aside), most first. */
  let hubs: string[];

  beforeAll(async () => {
    api = await startTestApi();
    hubs = (await cypher("MATCH (n:GraphNode) WITH n, COUNT { (n)-[r]-() WHERE type(r) <> 'ASSESSED' } AS d ORDER BY d DESC, n.id LIMIT 4 RETURN n.id AS id")).map((r) => String(r.id));
  });
  afterAll(async () => {
    await api.close();
  });

  const SUBGRAPH = 'query($ids: [ID!]!, $depth: Int) { subgraph(ids: $ids, depth: $depth) { truncated nodes { id label name evidence } edges { id source target type evidence provenance } } }';

  it('keeps the subgraphs of the biggest hubs within 5,000 nodes and edges, and says when it cut them', async () => {
    let largest = 0;
    // The hubs, and the stack of Germany (the largest neighbourhood at depth 3 that stays within the bounds).
    for (const id of [...hubs, 'stack:germany']) {
      for (const depth of [2, 3]) {
        const { data, cost, values } = await run(SUBGRAPH, { ids: [id], depth });
        const { nodes, edges, truncated } = data.subgraph;
        expect(nodes.length).toBeLessThanOrEqual(SUBGRAPH_NODE_LIMIT);
        expect(edges.length).toBeLessThanOrEqual(SUBGRAPH_EDGE_LIMIT);
        expect(cost).toBeGreaterThanOrEqual(values);
        // A consistent drawing: each node and edge once, every edge between returned nodes.
        const nodeIds = new Set(nodes.map((n: { id: string }) => n.id));
        expect(nodeIds.size).toBe(nodes.length);
        expect(new Set(edges.map((e: { id: string }) => e.id)).size).toBe(edges.length);
        for (const e of edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
        if (!truncated) largest = Math.max(largest, edges.length);
        // Cut at a bound: the edges are full, or the next edge would have brought one or two nodes too many.
        else expect(edges.length === SUBGRAPH_EDGE_LIMIT || nodes.length >= SUBGRAPH_NODE_LIMIT - 1).toBe(true);
      }
    }
    expect(largest).toBeGreaterThan(1000);
    // The Portalverbund, which every service uses, has more than 5,000 links: its first level is cut.
    const [{ n }] = (await cypher("MATCH (:GraphNode {id: 'portalverbund'})-[r]-(:GraphNode) WHERE type(r) <> 'ASSESSED' RETURN count(r) AS n")) as [{ n: number }];
    expect(n).toBeGreaterThan(SUBGRAPH_EDGE_LIMIT);
    const hub = (await run(SUBGRAPH, { ids: ['portalverbund'], depth: 1 })).data.subgraph;
    expect(hub.truncated).toBe(true);
    expect(Math.max(hub.nodes.length, hub.edges.length)).toBeGreaterThanOrEqual(SUBGRAPH_EDGE_LIMIT - 1);
  });

  it('answers a whole neighbourhood within the bounds, untruncated, as Cypher counts it', async () => {
    const { data } = await run(SUBGRAPH, { ids: ['bundid'], depth: 2 });
    expect(data.subgraph.truncated).toBe(false);
    const [{ n }] = (await cypher(
      "MATCH (o:GraphNode {id: 'bundid'})-[r1]-(m:GraphNode) WHERE type(r1) <> 'ASSESSED' WITH o, collect(DISTINCT m) AS ms UNWIND ms + o AS x MATCH (x)-[r]-(:GraphNode) WHERE type(r) <> 'ASSESSED' RETURN count(DISTINCT r) AS n",
    )) as [{ n: number }];
    expect(data.subgraph.edges).toHaveLength(n);
  });

  it('keeps the compatibility of all stacks, the deepest dependency tree and the largest compliance report within their bounds', async () => {
    const stackIds = (await cypher('MATCH (s:Stack) RETURN s.id AS id ORDER BY id')).map((r) => String(r.id));
    const matrix = await run('query($s: [ID!]!) { compatibility(stackIds: $s) { truncated stacks { id } rows { item { id } cells { stackId included status role } } } }', { s: stackIds });
    expect(matrix.data.compatibility.truncated).toBe(false);
    const [{ items }] = (await cypher('MATCH (s:Stack)-[:INCLUDES]->(x) RETURN count(DISTINCT x) AS items')) as [{ items: number }];
    expect(matrix.data.compatibility.rows).toHaveLength(items);
    expect(matrix.longest['CompatibilityMatrix.rows']).toBeGreaterThan(100); // priced at 100 before

    const [deepest] = await cypher('MATCH (o:Component) MATCH p = ANY SHORTEST (o)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(x:Component|Standard) WHERE x <> o RETURN o.id AS id, count(DISTINCT x) AS n ORDER BY n DESC, id LIMIT 1');
    const tree = await run('query($id: ID!) { dependencies(id: $id, maxDepth: 10) { truncated entries { node { id } parent { id } distance } } }', { id: deepest!.id });
    expect(tree.data.dependencies).toMatchObject({ truncated: false });
    expect(tree.data.dependencies.entries).toHaveLength(Number(deepest!.n));

    const [busiest] = await cypher(
      'MATCH (s:Service) CALL (s) { MATCH (req:Requirement)-[:APPLIES_TO]->(s) RETURN req UNION MATCH (s)-[:USES]->(:GraphNode)<-[:APPLIES_TO]-(req:Requirement) RETURN req } RETURN s.id AS id, count(DISTINCT req) AS n ORDER BY n DESC, id LIMIT 1',
    );
    const report = await run('query($id: ID!) { compliance(serviceId: $id) { muss { met violated exempted notAssessable items { requirement { id } missing { id } } } soll { met violated exempted notAssessable items { requirement { id } missing { id } } } } }', { id: busiest!.id });
    const c = report.data.compliance;
    expect(c.muss.items.length + c.soll.items.length).toBe(Number(busiest!.n));
  });

  it('keeps the summary of the largest impact, adoption, alternatives, coverage, rules and citations within their bounds', async () => {
    await run(`{ impactAnalysis(id: "portalverbund", maxDepth: 10) {
      components(first: 1000) { path { id } } services(first: 1000) { service { id executingLevels } }
      summary { byLayer { count } byTopic { count } byLifeSituation { count } byExecutingLevel { count } byOrganizationLevel { count }
        organizations(first: 1000) { relations } coverage { byTopic { key } byLevel { key } } } } }`);
    for (const level of ['Bund', 'Land', 'Kommune', 'company', 'international']) await run('query($l: String!) { adoption(level: $l) { node { id } byStatus { status count } } }', { l: level });
    const [alt] = await cypher('MATCH (n:GraphNode)-[:ALTERNATIVE_TO]-() RETURN n.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1');
    const alternatives = await run('query($id: ID!) { alternatives(id: $id) { alternative { id } } }', { id: alt!.id });
    expect(alternatives.data.alternatives).toHaveLength(Number(alt!.n));
    await run('{ about { coverage { byTopic { key } byLevel { key } } } rules { id sources { locator } } }');
    const cited = (await cypher('MATCH (n:GraphNode) RETURN n.id AS id ORDER BY size(coalesce(n.sources, [])) DESC, size(coalesce(n.tags, [])) DESC, n.id LIMIT 5')).map((r) => String(r.id));
    for (const id of cited) {
      await run('query($id: ID!) { node(id: $id) { __typename sources { locator } ... on Component { tags aliases } ... on Service { executingLevels } } }', { id });
    }
  });

  it('prices a page of the largest source at least at what it returns', async () => {
    const [largest] = await cypher('MATCH (s:Source) RETURN s.id AS id ORDER BY s.nodeCount + s.relationshipCount DESC, s.id LIMIT 1');
    const page = await run('query($id: ID!) { source(id: $id) { facts(first: 1000) { nodes { cursor node { id } locator } relationships { cursor type from { id } to { id } locator } } } }', { id: largest!.id });
    expect(page.values).toBeGreaterThan(1000);
  });
});
