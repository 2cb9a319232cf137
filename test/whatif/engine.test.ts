import { applyChange, buildUseGraph, compare, severities, type UseEdge } from '../../src/whatif/engine';
import { randomGraph, reference, rng, type RandomGraph } from '../support/whatifReference';

const useGraph = (g: RandomGraph) =>
  buildUseGraph(
    g.edges.map((e): UseEdge => ({ from: e.from, fromLabel: g.services.includes(e.from) ? 'Service' : 'Component', type: e.type, to: e.to, role: e.role, need: e.need, optional: e.optional })),
  );

describe('the what-if engine', () => {
  it('breaks and degrades as the plain fixpoint does, also with items lost today (and recovers them when replaced)', () => {
    const r = rng(5);
    let recovered = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const g = randomGraph(`g${seed}`, seed);
      const items = [...g.components, ...g.standards];
      const graph = useGraph(g);
      const lostToday = r() < 0.7 ? [items[Math.floor(r() * items.length)] as string] : [];
      const removals = [items[Math.floor(r() * items.length)] as string].filter((x) => !lostToday.includes(x));
      const replacements: [string, string][] = lostToday.length > 0 && r() < 0.6 ? [[lostToday[0] as string, items[Math.floor(r() * items.length)] as string]] : [];
      const change = { removals, replacements: replacements.map(([from, to]) => ({ from, to })) };
      const out = applyChange(graph, change, new Set(lostToday));
      const ref = reference(g, removals, replacements, lostToday);
      const got = new Map<string, string>([...[...out.broken.keys()].map((k) => [k, 'broken'] as const), ...[...out.degraded.keys()].map((k) => [k, 'degraded'] as const)]);
      // Items lost today are not "broken by the change" in the reference either.
      for (const id of lostToday) ref.delete(id);
      expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...ref].sort()));
      // Compared with today: a consumer whose state differs.
      const today = reference(g, [], [], lostToday);
      const cmp = compare(graph, change, new Set(lostToday));
      const removed = new Set([...removals, ...replacements.filter(([a, b]) => a !== b).map(([a]) => a)]);
      const expected = [...new Set([...today.keys(), ...ref.keys()])]
        .filter((id) => !removed.has(id) && !lostToday.includes(id))
        .map((id) => ({ id, before: today.get(id) ?? 'ok', after: ref.get(id) ?? 'ok' }))
        .filter((x) => x.before !== x.after)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(cmp.changes.map((c) => ({ id: c.id, before: c.before, after: c.after }))).toEqual(expected);
      recovered += expected.filter((x) => x.after === 'ok' || (x.before === 'broken' && x.after === 'degraded')).length;
    }
    expect(recovered).toBeGreaterThan(0);
  });

  it('orders severity hits broken first, then degraded, then reached, each nearest first', () => {
    const g = randomGraph('order', 7);
    const hits = severities(useGraph(g), [g.components[0] as string], 10);
    const rank = { broken: 0, degraded: 1, reached: 2 };
    for (let i = 1; i < hits.length; i++) {
      const a = hits[i - 1]!;
      const b = hits[i]!;
      expect(rank[a.severity] < rank[b.severity] || (rank[a.severity] === rank[b.severity] && (a.distance < b.distance || (a.distance === b.distance && a.id < b.id)))).toBe(true);
    }
  });

  it('treats a role with enough providers left as degraded and n of m as needing n', () => {
    const e = (from: string, to: string, role: string | null, need: number | null = null): UseEdge => ({ from, fromLabel: 'Service', type: 'USES', to, role, need, optional: false });
    const graph = buildUseGraph([e('s1', 'a', 'login'), e('s1', 'b', 'login'), e('s2', 'a', 'login', 2), e('s2', 'b', 'login', 2), e('s3', 'a', null)]);
    const out = applyChange(graph, { removals: ['a'], replacements: [] });
    expect([...out.degraded.keys()]).toEqual(['s1']);
    expect([...out.broken.keys()].sort()).toEqual(['s2', 's3']);
    expect(out.broken.get('s2')).toEqual([{ role: 'login', roleName: null, lost: ['a'], left: ['b'], need: 2 }]);
    // Replacing a by b: s3 now uses b and is fine; s1 and s2 keep one provider (b) of their login.
    const rep = applyChange(graph, { removals: [], replacements: [{ from: 'a', to: 'b' }] });
    expect([...rep.broken.keys()]).toEqual(['s2']);
  });
});
