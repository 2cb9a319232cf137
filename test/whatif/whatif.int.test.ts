import { startTestApi, type TestApi } from '../support/api';

/** What-if and risks on the seeded graph, against plain Cypher. */
describe('what-if and risks on the seeded graph', () => {
  let api: TestApi;
  const cypher = (q: string, p: Record<string, unknown> = {}) => api.t.db.read((tx) => tx.runText(q, p));
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('removing BundID: services that keep another user account are degraded, the others broken', async () => {
    const { data, errors } = await api.exec('{ simulateChange(removals: ["bundid"]) { summary { brokenServices degradedServices } changes(first: 1000, label: "Service") { node { id } before after lostRoles { left { id } } } } }');
    expect(errors).toBeUndefined();
    const changes = data.simulateChange.changes as { node: { id: string }; before: string; after: string; lostRoles: { left: { id: string }[] }[] }[];
    const users = (await cypher("MATCH (s:Service)-[:USES]->(:Component {id: 'bundid'}) RETURN s.id AS id")).map((r) => String(r.id));
    const withAlternative = new Set(
      (await cypher("MATCH (s:Service)-[u:USES]->(:Component {id: 'bundid'}), (s)-[v:USES]->(x) WHERE x.id IN ['landesnutzerkonto', 'bayernid'] AND u.role IS NOT NULL AND u.role = v.role RETURN DISTINCT s.id AS id")).map((r) => String(r.id)),
    );
    expect(withAlternative.size).toBeGreaterThan(0);
    expect(changes.map((c) => c.node.id).sort()).toEqual(users.sort());
    for (const c of changes) {
      expect(c.before).toBe('ok');
      expect([c.node.id, c.after]).toEqual([c.node.id, withAlternative.has(c.node.id) ? 'degraded' : 'broken']);
      if (c.after === 'degraded') expect(c.lostRoles.flatMap((r) => r.left.map((n) => n.id)).some((id) => id === 'landesnutzerkonto' || id === 'bayernid')).toBe(true);
    }
    expect(data.simulateChange.summary).toEqual({ brokenServices: users.length - withAlternative.size, degradedServices: withAlternative.size });
  });

  it('removing a required standard violates the requirement for exactly the services that reached it', async () => {
    const reached = (
      await cypher(`MATCH (r:Requirement {id: 'req:efa-xbezahldienste'})
        CALL (r) { MATCH (r)-[:APPLIES_TO]->(s:Service) RETURN s UNION MATCH (r)-[:APPLIES_TO]->()<-[:USES]-(s:Service) RETURN s }
        WITH DISTINCT s WHERE EXISTS { (s)-[:USES|DEPENDS_ON|IMPLEMENTS*1..7]->(:Standard {id: 'xbezahldienste'}) }
        RETURN s.id AS id`)
    ).map((r) => String(r.id));
    expect(reached.length).toBeGreaterThan(0);
    const { data, errors } = await api.exec('{ simulateChange(removals: ["xbezahldienste"]) { summary { requirementsViolated } requirements { requirement { id } service { id } before after missing { id } } } }');
    expect(errors).toBeUndefined();
    const changes = data.simulateChange.requirements as { requirement: { id: string }; service: { id: string }; before: string; after: string; missing: { id: string }[] }[];
    expect(changes.filter((c) => c.requirement.id === 'req:efa-xbezahldienste').map((c) => c.service.id).sort()).toEqual(reached.sort());
    for (const c of changes) {
      expect([c.before, c.after]).toEqual(['met', 'violated']);
      expect(c.missing.map((m) => m.id)).toContain('xbezahldienste');
    }
  });

  it('rolls risks up to a service along its dependencies, as Cypher finds them, and back from the risk', async () => {
    const service = 'leika:99107023017000';
    const { data, errors } = await api.exec('query($id: ID!) { risks(serviceId: $id, maxDepth: 6) { risks { kind item { id } path { id } } byKind { kind count } } }', { id: service });
    expect(errors).toBeUndefined();
    const risks = data.risks.risks as { kind: string; item: { id: string }; path: { id: string }[] }[];
    // Proprietary and source-available licences within reach, by plain Cypher.
    for (const [kind, cls] of [['licence_proprietary', 'proprietary'], ['licence_source_available', 'source-available']] as const) {
      const expected = (await cypher(`MATCH (s:Service {id: $id})-[:USES]->(y) MATCH (y)-[:DEPENDS_ON|IMPLEMENTS*0..5]->(x) WHERE x.licenceClass = $cls RETURN DISTINCT x.id AS id`, { id: service, cls })).map((r) => String(r.id));
      expect([kind, risks.filter((r) => r.kind === kind).map((r) => r.item.id).sort()]).toEqual([kind, expected.sort()]);
    }
    for (const r of risks) {
      expect(r.path[0]?.id).toBe(service);
      expect(r.path.at(-1)?.id).toBe(r.item.id);
    }
    expect(risks.length).toBeGreaterThan(0);
    // The reverse: every kind the service inherits reaches the service.
    for (const { kind } of data.risks.byKind as { kind: string }[]) {
      const back = await api.exec('query($k: RiskKind!) { riskReach(kind: $k, first: 1000) { serviceCount services { service { id } } } }', { k: kind });
      expect(back.errors).toBeUndefined();
      expect(back.data.riskReach.services.map((s: { service: { id: string } }) => s.service.id)).toContain(service);
    }
  });
});
