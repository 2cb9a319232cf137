import { startTestApi, type TestApi } from '../support/api';

/** Exploration on the seeded graph: nodes, relationships both ways, root lists, filters, search. */
describe('exploring the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds any node by id with its label, and null for an unknown id', async () => {
    const { data } = await api.exec('{ a: node(id: "bundid") { id name label evidence ... on Component { kind } } b: node(id: "leika:99107023017000") { label ... on Service { leikaKey executingLevels } } c: node(id: "nope") { id } }');
    expect(data).toEqual({
      a: { id: 'bundid', name: 'BundID', label: 'Component', evidence: 'sourced', kind: 'basisdienst' },
      b: { label: 'Service', leikaKey: '99107023017000', executingLevels: ['Land', 'Kommune'] },
      c: null,
    });
  });

  it('pages through a root list in stable order, with the total count', async () => {
    const expected = (await cypher("MATCH (c:Component {kind: 'basisdienst'}) RETURN c.id AS id ORDER BY c.name, c.id")).map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res: any = await api.exec('query($after: String) { components(first: 7, after: $after, filter: {kind: "basisdienst"}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }', { after });
      const page = res.data.components;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(7);
  });

  it.each([
    ['services', '{level: "Bund"}', "MATCH (n:Service) WHERE 'Bund' IN n.executingLevels RETURN count(n) AS n"],
    ['standards', '{family: "XÖV"}', "MATCH (n:Standard {family: 'XÖV'}) RETURN count(n) AS n"],
    ['organizations', '{level: "Land"}', "MATCH (n:Organization {level: 'Land'}) RETURN count(n) AS n"],
    ['layers', '{scheme: "ozg-ra"}', "MATCH (n:Layer {scheme: 'ozg-ra'}) RETURN count(n) AS n"],
    ['components', '{evidence: inferred}', "MATCH (n:Component {evidence: 'inferred'}) RETURN count(n) AS n"],
    ['components', '{layer: "layer:landscape:platform"}', "MATCH (n:Component)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: 'layer:landscape:platform'}) RETURN count(DISTINCT n) AS n"],
    ['services', '{text: "wohngeld"}', "MATCH (n:Service) WHERE toLower(n.name) CONTAINS 'wohngeld' RETURN count(n) AS n"],
  ])('%s filtered by %s counts what Cypher counts', async (list, filter, q) => {
    // No test file changes the shared test graph (test/support/ownNeo4j.ts): the count is exact.
    const [{ n }] = (await cypher(q)) as [{ n: number }];
    const { data, errors } = await api.exec(`{ ${list}(first: 1, filter: ${filter}) { totalCount } }`);
    expect(errors).toBeUndefined();
    expect(data[list].totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
  });

  it('shows each relationship from both ends, with its properties', async () => {
    const { data } = await api.exec(`{
      bundid: node(id: "bundid") { ... on Component { dependsOn { node { id } evidence source } dependents { node { id } } usedBy(first: 1000) { node { id } } alternatives { node { id } guidance } operators { node { id } role } } }
      elster: node(id: "elster") { ... on Component { dependents { node { id } } } }
      oidc: node(id: "open-id-connect-oidc") { ... on Standard { implementedBy { node { id } } } }
      wohngeld: node(id: "leika:99107023017000") { ... on Service { uses { node { id } evidence } ozgService { node { id } } } }
    }`);
    const b = data.bundid;
    expect(b.dependsOn.map((l: any) => l.node.id)).toContain('elster');
    expect(data.elster.dependents.map((l: any) => l.node.id)).toContain('bundid');
    expect(data.oidc.implementedBy.map((l: any) => l.node.id)).toContain('bundid');
    for (const l of b.dependsOn) expect(['sourced', 'secondary', 'inferred']).toContain(l.evidence);
    const usedBy = (await cypher("MATCH (s:Service)-[:USES]->(:Component {id: 'bundid'}) RETURN s.id AS id ORDER BY s.name, s.id")).map((r) => r.id);
    expect(b.usedBy.map((l: any) => l.node.id)).toEqual(usedBy);
    expect(b.alternatives.length).toBeGreaterThan(0);
    for (const a of b.alternatives) expect(a.guidance.length).toBeGreaterThan(20);
    expect(b.operators).toEqual([expect.objectContaining({ node: { id: 'org:itzbund' } })]);
    expect(data.wohngeld.uses.map((l: any) => l.node.id)).toEqual(expect.arrayContaining(['fit-connect']));
    expect(data.wohngeld.ozgService).toEqual([{ node: { id: 'ozg:10092' } }]);
  });

  it('bounds nested lists with first', async () => {
    const { data } = await api.exec('{ node(id: "org:land-nordrhein-westfalen") { ... on Organization { members(first: 3) { node { id } } } } }');
    expect(data.node.members).toHaveLength(3);
    const { errors } = await api.exec('{ node(id: "bundid") { ... on Component { usedBy(first: 1001) { node { id } } } } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toBe('first must be from 1 to 1000, got 1001');
  });

  it('searches names and descriptions, best first, restricted to types', async () => {
    const { data } = await api.exec('{ search(text: "Wohngeld Bewilligung", types: ["Service"], first: 5) { score node { id label } } }');
    expect(data.search[0].node).toEqual({ id: 'leika:99107023017000', label: 'Service' });
    for (const h of data.search) expect(h.node.label).toBe('Service');
    const scores = data.search.map((h: any) => h.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    const bad = await api.exec('{ search(text: "x", types: ["Widget"]) { score } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a root list page size outside 1..500', async () => {
    const { errors } = await api.exec('{ services(first: 501) { totalCount } }');
    expect(errors?.[0]).toMatchObject({ message: 'first must be from 1 to 500, got 501', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
