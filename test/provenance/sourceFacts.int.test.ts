import { startTestApi, type TestApi } from '../support/api';

const NODES = `query($id: ID!, $first: Int, $after: String) { source(id: $id) { nodeCount facts(first: $first) { nodes(after: $after) { cursor node { id } locator } } } }`;
const RELATIONSHIPS = `query($id: ID!, $first: Int, $after: String) { source(id: $id) { relationshipCount facts(first: $first) { relationships(after: $after) { cursor type from { id } to { id } locator } } } }`;

/** What rests on a source, page by page, on the seeded graph. */
describe('the facts of a source', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const CITES = 'any(c IN x.sources WHERE c = $id OR c STARTS WITH $id + \' (\')';

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  /** Every page of one list of `facts(first)`, following the cursors; fails on any error. */
  const pageThrough = async (query: string, list: 'nodes' | 'relationships', id: string, first: number): Promise<{ pages: number; items: any[]; count: number }> => {
    const items: any[] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const { data, errors } = await api.exec(query, { id, first, after });
      expect(errors).toBeUndefined();
      const page = data.source.facts[list] as { cursor: string }[];
      expect(page.length).toBeLessThanOrEqual(first);
      items.push(...page);
      if (page.length < first) return { pages, items, count: list === 'nodes' ? data.source.nodeCount : data.source.relationshipCount };
      after = page[page.length - 1]!.cursor;
    }
  };

  it('pages through the two largest sources with first: 1000, every fact once, in order', async () => {
    const largest = (await cypher('MATCH (s:Source) RETURN s.id AS id ORDER BY s.nodeCount + s.relationshipCount DESC, s.id LIMIT 2')).map((r) => String(r.id));
    for (const id of largest) {
      const nodes = await pageThrough(NODES, 'nodes', id, 1000);
      const expectedNodes = (await cypher(`MATCH (x:GraphNode) WHERE ${CITES} RETURN x.id AS id ORDER BY coalesce(x.name, x.id), x.id`, { id })).map((r) => r.id);
      expect(nodes.items.map((n) => n.node.id)).toEqual(expectedNodes);
      expect(nodes.items.length).toBe(nodes.count);

      const rels = await pageThrough(RELATIONSHIPS, 'relationships', id, 1000);
      const expectedRels = (await cypher(`MATCH (a:GraphNode)-[x]->(b:GraphNode) WHERE ${CITES} RETURN type(x) + '|' + a.id + '|' + b.id AS key ORDER BY type(x), a.id, b.id`, { id })).map((r) => r.key);
      expect(rels.items.map((r) => `${r.type}|${r.from.id}|${r.to.id}`)).toEqual(expectedRels);
      expect(rels.items.length).toBe(rels.count);
      expect(nodes.count + rels.count).toBeGreaterThan(5000);
      expect(rels.pages).toBe(Math.floor(rels.count / 1000) + 1);
    }
  });

  it('takes a page size per list, and refuses a cursor from elsewhere', async () => {
    const id = 'heise-11225804';
    const all = await api.exec(`{ source(id: "${id}") { facts(first: 1000) { nodes { cursor node { id } } relationships { cursor type } } } }`);
    const { nodes, relationships } = all.data.source.facts;
    expect(relationships.length).toBeGreaterThan(2);
    const second = await api.exec(`query($after: String) { source(id: "${id}") { facts(first: 1) { nodes(first: 2) { node { id } } relationships(first: 2, after: $after) { type } } } }`, { after: relationships[0].cursor });
    expect(second.errors).toBeUndefined();
    expect(second.data.source.facts.nodes.map((n: any) => n.node.id)).toEqual(nodes.slice(0, 2).map((n: any) => n.node.id));
    expect(second.data.source.facts.relationships).toEqual(relationships.slice(1, 3).map((r: any) => ({ type: r.type })));
    for (const after of ['bm90IGEgY3Vyc29y', nodes[0]?.cursor ?? 'x']) {
      const bad = await api.exec(`query($after: String) { source(id: "${id}") { facts { relationships(after: $after) { type } } } }`, { after });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const tooMany = await api.exec(`{ source(id: "${id}") { facts { nodes(first: 1001) { locator } } } }`);
    expect(tooMany.errors?.[0]?.message).toBe('first must be from 1 to 1000, got 1001');
  });

  it('answers the selected fields of the citing nodes as node(id) does', async () => {
    const sel = 'id name label ... on Service { executingLevels leikaType sources { source { id } locator } uses(first: 3) { node { id } } }';
    const { data, errors } = await api.exec(`{ source(id: "ozg-datenbank-nrw") { facts(first: 5) { nodes { node { ${sel} } } relationships { from { ${sel} } to { id name } } } } }`);
    expect(errors).toBeUndefined();
    for (const { node } of data.source.facts.nodes) expect(node).toEqual((await api.exec(`query($id: ID!) { node(id: $id) { ${sel} } }`, { id: node.id })).data.node);
    for (const { from } of data.source.facts.relationships) expect(from).toEqual((await api.exec(`query($id: ID!) { node(id: $id) { ${sel} } }`, { id: from.id })).data.node);
  });
});
