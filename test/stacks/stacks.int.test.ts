import { startTestApi, type TestApi } from '../support/api';

/** compatibility and adoption on the seeded graph, each compared with what plain Cypher says about the same data. */
describe('stacks and adoption on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('compatibility puts every included item against every stack', async () => {
    const stackIds = ['stack:germany', 'stack:govstack', 'stack:european-union'];
    const { data } = await api.exec('query($s: [ID!]!) { compatibility(stackIds: $s) { stacks { id } rows { item { id } cells { stackId included status role } } } }', { s: stackIds });
    expect(data.compatibility.stacks.map((s: any) => s.id)).toEqual(stackIds);
    const inclusions = await cypher('MATCH (st:Stack)-[r:INCLUDES]->(x) WHERE st.id IN $s RETURN st.id AS stack, x.id AS item, r.status AS status, r.role AS role', { s: stackIds });
    expect(data.compatibility.rows.map((r: any) => r.item.id).sort()).toEqual([...new Set(inclusions.map((i) => i.item as string))].sort());
    const cells = data.compatibility.rows.flatMap((r: any) => r.cells.filter((c: any) => c.included).map((c: any) => ({ stack: c.stackId, item: r.item.id, status: c.status, role: c.role })));
    const key = (x: any) => `${x.stack}|${x.item}`;
    expect(cells.map(key).sort()).toEqual(inclusions.map(key).sort());
    for (const row of data.compatibility.rows) expect(row.cells.map((c: any) => c.stackId)).toEqual(stackIds);
    const missing = await api.exec('{ compatibility(stackIds: ["stack:atlantis"]) { rows { item { id } } } }');
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // At most 30 stacks (the matrix's stacks and each row's cells are priced at that bound).
    const many = await api.exec('query($s: [ID!]!) { compatibility(stackIds: $s) { truncated } }', { s: Array.from({ length: 31 }, () => 'stack:germany') });
    expect(many.errors?.[0]?.message).toBe('stackIds must name at most 30 stacks, got 31');
  });

  it('adoption counts the organisations of a level per component and status', async () => {
    const { data } = await api.exec('{ adoption(level: "Land") { node { id } organizations byStatus { status count } } }');
    const expected = await cypher("MATCH (o:Organization {level: 'Land'})-[:ADOPTS]->(x) RETURN x.id AS id, count(DISTINCT o) AS organizations ORDER BY organizations DESC, id");
    expect(data.adoption.map((a: any) => ({ id: a.node.id, organizations: a.organizations })).sort((a: any, b: any) => b.organizations - a.organizations || a.id.localeCompare(b.id))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    const bad = await api.exec('{ adoption(level: "Galaxy") { organizations } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
