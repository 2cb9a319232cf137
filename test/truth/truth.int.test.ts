import { startTestApi, type TestApi } from '../support/api';
import { checkValue, nodeQuery, readTruthFacts, valuesAt } from './truthFacts';

/**
 * The expert's test set (test/truth/facts.yaml, README "An expert's test"): each fact asked of the
 * API on the seeded graph, as a user would ask it. A failing fact names what the API answered.
 */
describe("an expert's facts, asked of the API", () => {
  const facts = readTruthFacts();
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('holds at least 100 facts, each with its source', () => {
    expect(facts.length).toBeGreaterThanOrEqual(100);
    for (const f of facts) expect(f.source.trim()).not.toBe('');
  });

  it.each(facts.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    const res = f.query !== undefined ? await api.exec(f.query) : await api.exec(nodeQuery(f), { id: f.node });
    expect(res.errors ?? []).toEqual([]);
    const data = f.query !== undefined ? res.data : (res.data as { node: unknown }).node;
    if (f.node !== undefined) expect({ id: f.node, found: data !== null }).toEqual({ id: f.node, found: true });
    const problems = f.checks.map((c) => checkValue(valuesAt(data, c.path), c)).filter((p): p is string => p !== null);
    expect({ fact: f.fact, problems }).toEqual({ fact: f.fact, problems: [] });
  });
});
