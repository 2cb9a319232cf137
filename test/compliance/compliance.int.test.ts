import { startTestApi, type TestApi } from '../support/api';

/** The compliance report on the seeded graph, compared with what plain Cypher says about the same data. */
describe('compliance on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id as string).sort();

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('compliance splits the applicable requirements into MUSS and SOLL with a consistent status and score', async () => {
    const [candidate] = (await cypher(
      'MATCH (s:Service)-[:USES]->(x)<-[:APPLIES_TO]-(r:Requirement)-[:REQUIRES]->() RETURN s.id AS id, count(DISTINCT r) AS n ORDER BY n DESC, id LIMIT 1',
    )) as [{ id: string }];
    expect(candidate).toBeDefined();
    const { data, errors } = await api.exec('query($id: ID!) { compliance(serviceId: $id) { score requirements assessed notAssessable assessedShare note muss { met violated exempted notAssessable items { requirement { id level } status reason appliesVia { id } missing { id } } } soll { met violated exempted notAssessable items { requirement { id level } status reason missing { id } } } } }', { id: candidate.id });
    expect(errors).toBeUndefined();
    const c = data.compliance;
    const applicable = ids(await cypher('MATCH (r:Requirement)-[:APPLIES_TO]->(s:Service {id: $id}) RETURN r.id AS id UNION MATCH (:Service {id: $id})-[:USES]->()<-[:APPLIES_TO]-(r:Requirement) RETURN r.id AS id', { id: candidate.id }));
    expect([...c.muss.items, ...c.soll.items].map((i: any) => i.requirement.id).sort()).toEqual(applicable);
    for (const [group, level] of [[c.muss, 'MUSS'], [c.soll, 'SOLL']] as const) {
      for (const i of group.items) {
        expect(i.requirement.level).toBe(level);
        // Met: nothing missing. Violated or exempted: something missing. Not assessable: nothing named,
        // or a conformance rule (must-meet) no source states is met (then what it names is listed).
        if (i.status === 'met') expect(i.missing).toEqual([]);
        if (i.status === 'violated' || i.status === 'exempted') expect(i.missing.length).toBeGreaterThan(0);
        expect(i.reason.length).toBeGreaterThan(20);
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
    const unknown = await api.exec('{ compliance(serviceId: "no-such-service") { score } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The report and the check of its service: one statement.
    expect(await api.countQueries(() => api.exec("query($id: ID!) { compliance(serviceId: $id) { score } }", { id: candidate.id }))).toEqual(['compliance/complianceRows']);
  });
});
