import { startTestApi, type TestApi } from '../support/api';

/** impactAnalysis and dependencies on the seeded graph, each compared with what plain Cypher says about the same data. */
describe('impact traversals on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id as string).sort();

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(['fit-connect', 'bundid', 'xbezahldienste', 'kubernetes'])('impactAnalysis(%s) hits what Cypher reaches', async (origin) => {
    const { data, errors } = await api.exec(
      `query($id: ID!) { impactAnalysis(id: $id) { origin { id label } components { component { id } distance } services { service { id } distance via { id } }
        summary { componentCount serviceCount byTopic { node { id } count } byLifeSituation { count } byExecutingLevel { level count } organizations { organization { id level } relations } byOrganizationLevel { level count } byLayer { node { id } count } } } }`,
      { id: origin },
    );
    expect(errors).toBeUndefined();
    const r = data.impactAnalysis;
    const comps = ids(await cypher('MATCH (c:Component)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(o:GraphNode {id: $id}) WHERE c <> o RETURN DISTINCT c.id AS id', { id: origin }));
    expect(r.components.map((c: any) => c.component.id).sort()).toEqual(comps);
    const hit = [origin, ...comps];
    const services = ids(await cypher('MATCH (s:Service)-[:USES]->(x:GraphNode) WHERE x.id IN $hit RETURN DISTINCT s.id AS id', { hit }));
    expect(r.services.map((s: any) => s.service.id).sort()).toEqual(services);
    for (const s of r.services) expect(hit).toContain(s.via.id);
    expect(r.summary.componentCount).toBe(comps.length);
    expect(r.summary.serviceCount).toBe(services.length);
    const topics = await cypher('MATCH (s:Service)-[:PART_OF]->(:OzgService)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic) WHERE s.id IN $services RETURN t.id AS id, count(DISTINCT s) AS count ORDER BY count DESC, id', { services });
    expect(r.summary.byTopic.map((t: any) => ({ id: t.node.id, count: t.count }))).toEqual(topics);
    const levels = r.summary.byExecutingLevel.reduce((m: Record<string, number>, l: any) => ({ ...m, [l.level]: l.count }), {});
    const expectedLevels = await cypher("MATCH (s:Service) WHERE s.id IN $services UNWIND s.executingLevels AS level RETURN level, count(*) AS count", { services });
    expect(levels).toEqual(Object.fromEntries(expectedLevels.map((l) => [l.level, l.count])));
    const orgs = await cypher(
      'MATCH (o:Organization)-[r:OPERATES|ADOPTS]->(x:GraphNode) WHERE x.id IN $hit RETURN o.id AS id UNION MATCH (o:Organization)-[:OFFERS]->(s:Service) WHERE s.id IN $services RETURN o.id AS id',
      { hit, services },
    );
    expect(r.summary.organizations.map((o: any) => o.organization.id).sort()).toEqual(ids(orgs));
    expect(r.summary.byOrganizationLevel.reduce((n: number, l: any) => n + l.count, 0)).toBe(orgs.length);
  });

  it('impactAnalysis refuses unknown ids, other labels and depths outside 1..10', async () => {
    const unknown = await api.exec('{ impactAnalysis(id: "no-such-id") { maxDepth } }');
    expect(unknown.errors?.[0]).toMatchObject({ message: 'No node with id "no-such-id"', extensions: { code: 'NOT_FOUND', id: 'no-such-id' } });
    const org = await api.exec('{ impactAnalysis(id: "org:fitko") { maxDepth } }');
    expect(org.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const d of [0, 11]) {
      const res = await api.exec(`{ impactAnalysis(id: "bundid", maxDepth: ${d}) { maxDepth } }`);
      expect(res.errors?.[0]).toMatchObject({ message: `maxDepth must be from 1 to 10, got ${d}`, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('dependencies returns the forward tree: each entry one hop from its parent', async () => {
    const { data } = await api.exec('{ dependencies(id: "ewa") { root { id } entries { node { id } distance parent { id } relationship } } }');
    const expected = ids(await cypher("MATCH (:GraphNode {id: 'ewa'})-[:DEPENDS_ON|IMPLEMENTS*1..6]->(x) WHERE x.id <> 'ewa' RETURN DISTINCT x.id AS id"));
    expect(data.dependencies.entries.map((e: any) => e.node.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    for (const e of data.dependencies.entries) {
      const [{ n }] = (await cypher('MATCH (:GraphNode {id: $p})-[r]->(:GraphNode {id: $c}) WHERE type(r) = $t RETURN count(r) AS n', { p: e.parent.id, c: e.node.id, t: e.relationship })) as [{ n: number }];
      expect(n).toBe(1);
      if (e.distance === 1) expect(e.parent.id).toBe('ewa');
    }
  });
});
