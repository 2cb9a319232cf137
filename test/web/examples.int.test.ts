import { parse } from 'graphql';
import { EXAMPLES } from '../../web/playground/examples';
import { startTestApi, type TestApi } from '../support/api';

/** Counts the non-empty lists and non-null leaves of an answer: an example must show something. */
function substance(v: unknown): number {
  if (Array.isArray(v)) return v.length === 0 ? 0 : 1 + v.reduce<number>((n, x) => n + substance(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce<number>((n, x) => n + substance(x), 0);
  return v === null || v === undefined ? 0 : 1;
}

/** Every example of the playground runs on the seeded graph, with the default limits in place. */
describe('playground examples', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('have unique ids, a title, a description and one named operation each', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) {
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.description.length).toBeGreaterThan(20);
      const ops = parse(e.query).definitions.filter((d) => d.kind === 'OperationDefinition');
      expect(ops).toHaveLength(1);
      expect((ops[0] as { name?: { value: string } }).name?.value).toMatch(/^[A-Z][A-Za-z]{3,}$/);
    }
  });

  it('cover the main questions of the issue', () => {
    const fields = EXAMPLES.map((e) => e.query);
    for (const f of ['impactAnalysis', 'dependencies', 'path(', 'alternatives', 'compliance', 'compatibility', 'adoption', 'search(', 'subgraph']) {
      expect(fields.some((q) => q.includes(f))).toBe(true);
    }
  });

  it.each(EXAMPLES.filter((e) => e.id !== 'refused' && !e.write && e.id !== 'proposals' && e.id !== 'participation').map((e) => [e.id, e] as const))('%s answers with data from the seed graph', async (_id, example) => {
    const { data, errors } = await api.exec(example.query, example.variables);
    expect(errors).toBeUndefined();
    // At least a handful of values and no empty top-level answer: the variables name real nodes.
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (key === 'changes') {
        // The change log since the date, as Cypher counts it; the shared test graph holds only the
        // first load of test/support/globalSetup.ts, which records counts, not entries.
        const [{ n }] = (await api.t.db.read((tx) => tx.runText('MATCH (c:Change) WHERE c.at >= $since RETURN count(c) AS n', { since: example.variables?.since }))) as [{ n: number }];
        if (!process.env.NEO4J_URI) expect(n).toBe(0);
        const changes = value as { totalCount: number; edges: unknown[] };
        expect({ totalCount: changes.totalCount, edges: changes.edges.length }).toEqual({ totalCount: n, edges: Math.min(n, 20) });
      } else expect(substance(value)).toBeGreaterThan(3);
    }
  });

  it('the write examples are valid operations, refused on a server without sign-in; "proposals" answers', async () => {
    const writes = EXAMPLES.filter((e) => e.write);
    expect(writes.map((e) => e.id).sort()).toEqual(['propose', 'report-adoption', 'request-inclusion', 'review']);
    for (const e of writes) {
      expect(e.query).toMatch(/"Authorization": "Bearer <access token>"/);
      const { errors } = await api.exec(e.query, e.variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'read_only' });
    }
    const proposals = EXAMPLES.find((e) => e.id === 'proposals');
    const { data, errors } = await api.exec(proposals!.query, proposals!.variables);
    expect(errors).toBeUndefined();
    expect(data.about.writes).toEqual({ enabled: false, issuer: null, readAccess: 'public' });
    expect(data.proposals).toEqual([]);
    // Participation reads answer on the seed graph without requests: empty lists, the periods of the series.
    const participation = EXAMPLES.find((e) => e.id === 'participation');
    const answer = await api.exec(participation!.query, participation!.variables);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.inclusionRequests).toEqual([]);
    expect(answer.data.adoptionProgress.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('"refused" is refused by the cost limit before it runs', async () => {
    const example = EXAMPLES.find((e) => e.id === 'refused');
    const { errors } = await api.exec(example!.query, example!.variables);
    expect(errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
  });
});
