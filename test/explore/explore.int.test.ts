import { startTestApi, type TestApi } from '../support/api';

/** subgraph, path and alternatives on the seeded graph, each compared with what plain Cypher says about the same data. */
describe('exploring the seeded graph: subgraph, path, alternatives', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id as string).sort();

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('path finds a shortest connection of real relationships', async () => {
    const { data } = await api.exec('{ path(from: "leika:99107023017000", to: "org:fitko") { length nodes { id } steps { from { id } to { id } type forward } } }');
    const [{ len }] = (await cypher("MATCH (a:GraphNode {id: 'leika:99107023017000'}), (b:GraphNode {id: 'org:fitko'}) MATCH p = shortestPath((a)-[*..10]-(b)) RETURN length(p) AS len")) as [{ len: number }];
    expect(data.path.length).toBe(len);
    expect(data.path.nodes[0].id).toBe('leika:99107023017000');
    expect(data.path.nodes[data.path.nodes.length - 1].id).toBe('org:fitko');
    for (const s of data.path.steps) {
      const [a, b] = s.forward ? [s.from.id, s.to.id] : [s.to.id, s.from.id];
      const [{ n }] = (await cypher('MATCH (:GraphNode {id: $a})-[r]->(:GraphNode {id: $b}) WHERE type(r) = $t RETURN count(r) AS n', { a, b, t: s.type })) as [{ n: number }];
      expect(n).toBe(1);
    }
    const none = await api.exec('{ path(from: "leika:99107023017000", to: "org:fitko", maxDepth: 1) { length } }');
    expect(none.data.path).toBeNull();
  });

  it('alternatives lists both directions with guidance and the services each would affect', async () => {
    const { data } = await api.exec('{ alternatives(id: "epaybl") { alternative { id } guidance evidence affectedServices } }');
    const expected = ids(await cypher("MATCH (:GraphNode {id: 'epaybl'})-[:ALTERNATIVE_TO]-(a) RETURN a.id AS id"));
    expect(data.alternatives.map((a: any) => a.alternative.id).sort()).toEqual(expected);
    for (const a of data.alternatives) {
      expect(a.guidance).toEqual(expect.any(String));
      const [{ n }] = (await cypher('MATCH (s:Service)-[:USES]->(x) WHERE x.id = $id OR EXISTS { (x)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(:GraphNode {id: $id}) } RETURN count(DISTINCT s) AS n', { id: a.alternative.id })) as [{ n: number }];
      expect(a.affectedServices).toBe(n);
    }
  });

  it('subgraph returns the neighbourhood as nodes and edges for visualisation', async () => {
    const { data } = await api.exec('{ subgraph(ids: ["bundid"], depth: 1) { nodes { id label name } edges { id source target type } } }');
    // Without types: every relationship but the derived criteria assessments (ASSESSED).
    const rels = await cypher("MATCH (n:GraphNode {id: 'bundid'})-[r]-(m:GraphNode) WHERE type(r) <> 'ASSESSED' RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, m.id AS m");
    expect(data.subgraph.edges).toHaveLength(rels.length);
    const assessed = await api.exec('{ subgraph(ids: ["bundid"], depth: 1, types: ["ASSESSED"]) { edges { type target } } }');
    expect(assessed.data.subgraph.edges).toHaveLength(6);
    expect(data.subgraph.nodes.map((n: any) => n.id).sort()).toEqual([...new Set(['bundid', ...rels.map((r) => r.m as string)])].sort());
    const nodeIds = new Set(data.subgraph.nodes.map((n: any) => n.id));
    for (const e of data.subgraph.edges) {
      expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
      expect(e.id).toBe(`${e.source}|${e.type}|${e.target}`);
    }
    const deeper = await api.exec('{ subgraph(ids: ["bundid"], depth: 2, types: ["DEPENDS_ON", "USES"]) { nodes { id } edges { type } } }');
    for (const e of deeper.data.subgraph.edges) expect(['DEPENDS_ON', 'USES']).toContain(e.type);
    expect(deeper.data.subgraph.nodes.length).toBeGreaterThan(data.subgraph.edges.filter((e: any) => ['DEPENDS_ON', 'USES'].includes(e.type)).length);
    const zero = await api.exec('{ subgraph(ids: ["bundid"], depth: 0) { nodes { id } edges { id } } }');
    expect(zero.data.subgraph).toEqual({ nodes: [{ id: 'bundid' }], edges: [] });
    const bad = await api.exec('{ subgraph(ids: ["bundid"], types: ["LIKES"]) { nodes { id } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const far = await api.exec('{ subgraph(ids: ["bundid"], depth: 4) { nodes { id } } }');
    expect(far.errors?.[0]?.message).toBe('depth must be from 0 to 3, got 4');
  });
});
