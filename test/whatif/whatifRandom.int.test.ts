import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../support/api';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';
import { removeTempGraph, writeTempGraph } from '../support/tempGraph';
import { randomGraph, reachRef, reference, rng } from '../support/whatifReference';

describe('severity and what-if on random graphs with roles and redundancy, against a plain fixpoint', () => {
  let api: TestApi;
  const prefix = `test-wi-${randomUUID().slice(0, 8)}`;
  const graphs = [11, 22, 33].map((seed) => ({ seed, g: randomGraph(`${prefix}-${seed}`, seed) }));

  let own: OwnNeo4j;

  beforeAll(async () => {
    // The random graphs are Components, Services and Standards, which whole-graph answers of other
    // files (root list counts, coverage) would see: on a Neo4j of their own (test/support/ownNeo4j.ts).
    own = await startOwnNeo4j({ name: 'whatif-random' });
    api = await startTestApi({ neo4j: own.neo4j });
    for (const { g } of graphs) {
      await writeTempGraph(api.t.db, {
        nodes: [['Component', g.components], ['Standard', g.standards], ['Service', g.services]],
        relationships: g.edges.map((e) => ({
          type: e.type,
          from: e.from,
          to: e.to,
          props: Object.fromEntries(Object.entries({ evidence: 'inferred', role: e.role, need: e.need, scope: e.type === 'DEPENDS_ON' ? (e.optional ? 'optional' : 'required') : null }).filter(([, v]) => v !== null)),
        })),
      });
    }
  }, 300_000);
  afterAll(async () => {
    try {
      if (api) await removeTempGraph(api.t.db, prefix);
    } finally {
      try {
        await api?.close();
      } finally {
        await own?.stop();
      }
    }
  });

  it('gives every impact hit the severity of the fixpoint, broken first, for every component and standard as origin', async () => {
    const seen = { broken: 0, degraded: 0, reached: 0 };
    for (const { seed, g } of graphs) {
      for (const origin of [...g.components, ...g.standards]) {
        const { data, errors } = await api.exec(
          'query($id: ID!) { impactAnalysis(id: $id, maxDepth: 10) { severity { components { broken degraded reached } services { broken degraded reached } hits(first: 1000) { node { id } severity distance } } components(first: 1000) { component { id } severity } } }',
          { id: origin },
        );
        expect({ seed, origin, errors }).toEqual({ seed, origin, errors: undefined });
        const states = reference(g, [origin], []);
        const reach = reachRef(g, origin, 10);
        const expected = [...reach].map(([id, distance]) => {
          const s = states.get(id);
          return { id, distance, severity: s === 'broken' ? 'broken' : s === 'degraded' ? 'degraded' : 'reached' };
        });
        const rank = { broken: 0, degraded: 1, reached: 2 } as const;
        expected.sort((a, b) => rank[a.severity as keyof typeof rank] - rank[b.severity as keyof typeof rank] || a.distance - b.distance || (a.id < b.id ? -1 : 1));
        const got = data.impactAnalysis.severity.hits.map((h: { node: { id: string }; severity: string; distance: number }) => ({ id: h.node.id, distance: h.distance, severity: h.severity }));
        expect({ seed, origin, hits: got }).toEqual({ seed, origin, hits: expected });
        // The impact's own component list carries the same severities.
        for (const c of data.impactAnalysis.components) expect([origin, c.component.id, c.severity]).toEqual([origin, c.component.id, got.find((h: { id: string }) => h.id === c.component.id)?.severity]);
        for (const h of expected) seen[h.severity as keyof typeof seen] += 1;
      }
    }
    // The random graphs exercise all three severities.
    expect(seen.broken).toBeGreaterThan(10);
    expect(seen.degraded).toBeGreaterThan(5);
    expect(seen.reached).toBeGreaterThan(5);
  }, 240_000);

  it('simulates removals and replacements as the fixpoint says, compared with today', async () => {
    const r = rng(99);
    let nonEmpty = 0;
    for (const { seed, g } of graphs) {
      const items = [...g.components, ...g.standards];
      for (let round = 0; round < 12; round++) {
        const removals = [...new Set([items[Math.floor(r() * items.length)] as string, ...(r() < 0.5 ? [items[Math.floor(r() * items.length)] as string] : [])])];
        const candidates = items.filter((x) => !removals.includes(x));
        const replacements: [string, string][] = r() < 0.6 ? [[candidates[Math.floor(r() * candidates.length)] as string, items[Math.floor(r() * items.length)] as string]] : [];
        const { data, errors } = await api.exec('query($r: [ID!], $p: [ReplacementInput!]) { simulateChange(removals: $r, replacements: $p) { changes(first: 1000) { node { id } before after } } }', {
          r: removals,
          p: replacements.map(([from, to]) => ({ from, to })),
        });
        expect({ seed, removals, replacements, errors }).toEqual({ seed, removals, replacements, errors: undefined });
        const after = reference(g, removals, replacements);
        const removed = new Set([...removals, ...replacements.filter(([a, b]) => a !== b).map(([a]) => a)]);
        const expected = [...after].filter(([id]) => !removed.has(id)).map(([id, state]) => ({ id, before: 'ok', after: state }));
        const got = data.simulateChange.changes.map((c: { node: { id: string }; before: string; after: string }) => ({ id: c.node.id, before: c.before, after: c.after }));
        const sort = (xs: { id: string }[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect({ seed, removals, replacements, changes: sort(got) }).toEqual({ seed, removals, replacements, changes: sort(expected) });
        if (expected.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(10);
  }, 240_000);

  it('changes nothing when an item is replaced by itself, and breaks nothing when an unused item is removed', async () => {
    for (const { g } of graphs) {
      const used = new Set(g.edges.map((e) => e.to));
      const unused = [...g.components, ...g.standards].find((x) => !used.has(x));
      for (const item of g.components.slice(0, 5)) {
        const { data } = await api.exec('query($p: [ReplacementInput!]) { simulateChange(replacements: $p) { summary { brokenServices degradedServices brokenComponents degradedComponents recoveredServices } changes { node { id } } } }', { p: [{ from: item, to: item }] });
        expect(data.simulateChange.changes).toEqual([]);
        expect(Object.values(data.simulateChange.summary).every((v) => v === 0)).toBe(true);
      }
      if (unused) {
        const { data } = await api.exec('query($r: [ID!]) { simulateChange(removals: $r) { changes { node { id } } } }', { r: [unused] });
        expect(data.simulateChange.changes).toEqual([]);
      }
    }
    const bad = await api.exec('{ simulateChange(removals: ["no-such-item"]) { summary { brokenServices } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const none = await api.exec('{ simulateChange { summary { brokenServices } } }');
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
