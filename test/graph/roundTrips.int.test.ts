import { startTestApi, type TestApi } from '../support/api';

/** A list of N parents with nested relationship lists costs a number of Cypher round trips that does not grow with N. */
describe('round trips of nested lists', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const QUERY = `query($n: Int) { components(first: $n) { edges { node { id
    dependsOn { node { id usedBy(first: 5) { node { id } } } }
    usedBy { node { id name } evidence }
    layers { node { id } } } } } }`;

  it('is the same for 5 and for 150 components', async () => {
    const counts: Record<number, string[]> = {};
    for (const n of [5, 150]) {
      let result: any;
      counts[n] = await api.countQueries(async () => {
        result = await api.exec(QUERY, { n });
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.components.edges).toHaveLength(n);
    }
    // The root list with its nodes' relationship fields, and the relationship fields of the nodes at
    // the other end (usedBy below dependsOn, answered once per distinct node): one statement.
    expect(counts[5]).toEqual(['compiled:list']);
    expect(counts[150]).toEqual(counts[5]);
  });

  it('the resolver-per-field reference costs one query per relationship field and level, also not growing with N', async () => {
    const counts: Record<number, string[]> = {};
    for (const n of [5, 150]) {
      counts[n] = await api.countQueries(() => api.exec(QUERY, { n }, { reference: true }));
    }
    expect(counts[5]).toEqual(['compiled:reference-list', 'graph/linksOut', 'graph/linksIn', 'graph/linksOut', 'graph/linksIn']);
    expect(counts[150]).toEqual(counts[5]);
  });

  it('gives every parent its own links, in key order (a batch never mixes them up)', async () => {
    const { data } = await api.exec('{ components(first: 150) { edges { node { id dependsOn { node { id } } } } } }');
    const expected = await api.t.db.read((tx) =>
      tx.runText(
        'MATCH (c:Component) WITH c ORDER BY c.name, c.id LIMIT 150 OPTIONAL MATCH (c)-[:DEPENDS_ON]->(d:Component) WITH c, d ORDER BY c.name, c.id, d.name, d.id WITH c, collect(d.id) AS deps ORDER BY c.name, c.id RETURN c.id AS id, deps',
      ),
    );
    expect(data.components.edges.map((e: any) => ({ id: e.node.id, deps: e.node.dependsOn.map((d: any) => d.node.id) }))).toEqual(expected);
  });
});
