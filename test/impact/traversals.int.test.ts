import { startTestApi, type TestApi } from '../support/api';

/** The traversals on the seeded graph, each compared with what plain Cypher says about the same data. */
describe('traversals on the seeded graph', () => {
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

  it('compliance splits the applicable requirements into MUSS and SOLL with a consistent status and score', async () => {
    const [candidate] = (await cypher(
      'MATCH (s:Service)-[:USES]->(x)<-[:APPLIES_TO]-(r:Requirement)-[:REQUIRES]->() RETURN s.id AS id, count(DISTINCT r) AS n ORDER BY n DESC, id LIMIT 1',
    )) as [{ id: string }];
    expect(candidate).toBeDefined();
    const { data, errors } = await api.exec('query($id: ID!) { compliance(serviceId: $id) { score requirements assessed notAssessable assessedShare note muss { met violated exempted notAssessable items { requirement { id level } status appliesVia { id } missing { id } } } soll { met violated exempted notAssessable items { requirement { id level } status missing { id } } } } }', { id: candidate.id });
    expect(errors).toBeUndefined();
    const c = data.compliance;
    const applicable = ids(await cypher('MATCH (r:Requirement)-[:APPLIES_TO]->(s:Service {id: $id}) RETURN r.id AS id UNION MATCH (:Service {id: $id})-[:USES]->()<-[:APPLIES_TO]-(r:Requirement) RETURN r.id AS id', { id: candidate.id }));
    expect([...c.muss.items, ...c.soll.items].map((i: any) => i.requirement.id).sort()).toEqual(applicable);
    for (const [group, level] of [[c.muss, 'MUSS'], [c.soll, 'SOLL']] as const) {
      for (const i of group.items) {
        expect(i.requirement.level).toBe(level);
        expect(i.status === 'met' || i.status === 'not_assessable').toBe(i.missing.length === 0);
      }
      expect(group.met + group.violated + group.exempted + group.notAssessable).toBe(group.items.length);
    }
    const ok = 2 * (c.muss.met + c.muss.exempted) + c.soll.met + c.soll.exempted;
    const all = 2 * (c.muss.met + c.muss.exempted + c.muss.violated) + c.soll.met + c.soll.exempted + c.soll.violated;
    if (all === 0) expect(c.score).toBeNull();
    else expect(c.score).toBeCloseTo(ok / all);
    // The score says what it covers: never a full score over nothing.
    const notAssessable = c.muss.notAssessable + c.soll.notAssessable;
    expect(c.requirements).toBe(applicable.length);
    expect(c.notAssessable).toBe(notAssessable);
    expect(c.assessed).toBe(applicable.length - notAssessable);
    expect(c.assessedShare).toBeCloseTo(c.assessed / c.requirements);
    expect(c.note).toContain(String(c.requirements));
    const wrong = await api.exec('{ compliance(serviceId: "bundid") { score } }');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
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
