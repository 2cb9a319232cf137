import { startTestApi, type TestApi } from '../support/api';

type Rel = { source: string; type: string; target: string };

/**
 * The subgraph's levels, read in one statement, against a breadth-first walk in this process over
 * every relationship of the seeded graph: level by level the relationships of the frontier except
 * those to the frontier before, the new ends becoming the next frontier.
 */
describe('subgraph levels in one statement', () => {
  let api: TestApi;
  let rels: Rel[];
  beforeAll(async () => {
    api = await startTestApi();
    rels = (await api.t.db.read((tx) => tx.runText('MATCH (a:GraphNode)-[r]->(b:GraphNode) RETURN a.id AS source, type(r) AS type, b.id AS target'))) as Rel[];
  });
  afterAll(async () => {
    await api.close();
  });

  /** The walk: nodes in the order they are reached, edges as source|type|target. */
  function walk(origins: string[], depth: number, types: string[] | null): { nodes: string[]; edges: string[] } {
    const followed = rels.filter((r) => (types ? types.includes(r.type) : r.type !== 'ASSESSED'));
    const seen = new Set(origins);
    const edges = new Set<string>();
    let previous = new Set<string>();
    let frontier = new Set(origins);
    for (let level = 0; level < depth && frontier.size > 0; level++) {
      const touched = followed.filter((r) => (frontier.has(r.source) && !previous.has(r.target)) || (frontier.has(r.target) && !previous.has(r.source)));
      touched.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
      const next = new Set<string>();
      for (const r of touched) {
        edges.add(`${r.source}|${r.type}|${r.target}`);
        for (const n of [r.source, r.target]) {
          if (!seen.has(n)) {
            seen.add(n);
            next.add(n);
          }
        }
      }
      previous = frontier;
      frontier = next;
    }
    return { nodes: [...seen], edges: [...edges] };
  }

  const cases: [string[], number, string[] | null][] = [
    [['bundid'], 1, null],
    [['bundid'], 2, null],
    [['fit-connect'], 3, ['DEPENDS_ON', 'IMPLEMENTS']],
    [['epaybl', 'bundid'], 2, ['DEPENDS_ON', 'USES', 'ALTERNATIVE_TO']],
    [['stack:germany'], 2, ['INCLUDES', 'DEPENDS_ON']],
    [['xoev'], 3, ['IMPLEMENTS', 'DEPENDS_ON', 'PART_OF']],
    [['layer:infrastructure', 'unknown-id-is-reported'], 1, null],
  ];

  it.each(cases)('from %j, depth %i, types %j: the nodes in walk order and the same edges', async (ids, depth, types) => {
    const { data, errors } = await api.exec('query($ids: [ID!]!, $depth: Int, $types: [String!]) { subgraph(ids: $ids, depth: $depth, types: $types) { nodes { id } edges { id source target type } truncated } }', { ids, depth, types });
    if (ids.includes('unknown-id-is-reported')) {
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      return;
    }
    expect(errors).toBeUndefined();
    const expected = walk(ids, depth, types);
    expect(data.subgraph.truncated).toBe(false);
    expect(data.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual(expected.nodes);
    expect(data.subgraph.edges.map((e: { id: string }) => e.id).sort()).toEqual(expected.edges.sort());
    if (depth > 1) expect(expected.edges.length).toBeGreaterThan(0);
  });

  it('costs one statement at any depth', async () => {
    for (const depth of [0, 1, 3]) {
      expect(await api.countQueries(() => api.exec('{ subgraph(ids: ["bundid"], depth: ' + depth + ', types: ["DEPENDS_ON"]) { nodes { id } } }'))).toEqual(['explore/subgraph']);
    }
  });

  it('reads names, evidence and provenance only when selected, with the same nodes and edges either way', async () => {
    const full = await api.exec('{ subgraph(ids: ["bundid"], depth: 2) { nodes { id label name evidence } edges { id type evidence provenance } } }');
    const lean = await api.exec('{ subgraph(ids: ["bundid"], depth: 2) { nodes { id label } edges { id type } } }');
    expect(full.errors).toBeUndefined();
    expect(lean.data.subgraph.nodes).toEqual(full.data.subgraph.nodes.map((n: { id: string; label: string }) => ({ id: n.id, label: n.label })));
    expect(lean.data.subgraph.edges).toEqual(full.data.subgraph.edges.map((e: { id: string; type: string }) => ({ id: e.id, type: e.type })));
    const bundid = full.data.subgraph.nodes.find((n: { id: string }) => n.id === 'bundid');
    expect(bundid).toEqual({ id: 'bundid', label: 'Component', name: 'BundID', evidence: 'sourced' });
    expect(full.data.subgraph.edges.some((e: { provenance: string | null }) => typeof e.provenance === 'string' && e.provenance.startsWith('http'))).toBe(true);
    expect(full.data.subgraph.edges.every((e: { evidence: string | null }) => e.evidence !== null)).toBe(true);
  });
});
