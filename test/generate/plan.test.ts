import { createHash } from 'node:crypto';
import { HUB_CANDIDATES, planCounts, planGeneration, type GenerationPlan, type SeedGraph } from '../../src/generate/plan';
import { SYNTHETIC_PREFIX, idOf, writeBatches } from '../../src/generate/rows';
import { seedGraphFromSources } from './seedGraph';

/** Every planned relationship of `type` as index pairs over all its sets. */
function pairs(plan: GenerationPlan, type: string): { from: string; to: string; fromIndex: number; toIndex: number; fromSpace: string }[] {
  return plan.edges
    .filter((e) => e.type === type)
    .flatMap((e) => Array.from(e.fromIndex, (f, i) => ({ from: idOf(plan, e.from, f), to: idOf(plan, e.to, e.toIndex[i]!), fromIndex: f, toIndex: e.toIndex[i]!, fromSpace: e.from })));
}

/** A digest of everything the plan writes, batch by batch. */
function digest(plan: GenerationPlan): string {
  const h = createHash('sha256');
  for (const b of writeBatches(plan, 5000)) h.update(JSON.stringify(b));
  return h.digest('hex');
}

describe('the synthetic graph plan', () => {
  let seed: SeedGraph;
  let small: GenerationPlan;

  beforeAll(() => {
    seed = seedGraphFromSources();
    small = planGeneration(seed, { scale: 0.02, seed: 5 });
  });

  it('is Germany-sized at scale 1, with at least a million relationships', () => {
    const counts = planCounts(planGeneration(seed, { scale: 1 }));
    expect(counts.nodes).toEqual({ Component: 50_000, Organization: 11_400, Service: 200_000 });
    expect(counts.totalRelationships).toBeGreaterThanOrEqual(1_000_000);
    const plan = planGeneration(seed, { scale: 1 });
    expect(plan.kreisLand.length).toBe(400);
    expect(plan.kommuneKreis.length).toBe(11_000);
    // Bayern has the most Kreise, Rheinland-Pfalz the most Gemeinden.
    const perLand = (idx: Int32Array, map: (i: number) => number): Map<string, number> => {
      const m = new Map<string, number>();
      idx.forEach((v) => m.set(plan.lands[map(v)]!, (m.get(plan.lands[map(v)]!) ?? 0) + 1));
      return m;
    };
    const kreise = perLand(plan.kreisLand, (v) => v);
    const kommunen = perLand(plan.kommuneKreis, (k) => plan.kreisLand[k]!);
    expect([...kreise].sort((a, b) => b[1] - a[1])[0]![0]).toBe('org:land-bayern');
    expect([...kommunen].sort((a, b) => b[1] - a[1])[0]![0]).toBe('org:land-rheinland-pfalz');
    expect(kreise.size).toBe(16);
  });

  it('scales every size linearly with the scale, fractional scales included', () => {
    const a = planCounts(planGeneration(seed, { scale: 0.01 }));
    const b = planCounts(planGeneration(seed, { scale: 0.04 }));
    expect(a.nodes).toEqual({ Component: 500, Organization: 4 + 110, Service: 2000 });
    expect(b.nodes).toEqual({ Component: 2000, Organization: 16 + 440, Service: 8000 });
    for (const type of Object.keys(b.relationships)) {
      expect(b.relationships[type]! / a.relationships[type]!).toBeGreaterThan(3.5);
      expect(b.relationships[type]! / a.relationships[type]!).toBeLessThan(4.5);
    }
  });

  it('keeps DEPENDS_ON acyclic: always from a higher to a lower component index, real components lowest', () => {
    const deps = pairs(small, 'DEPENDS_ON');
    expect(deps.length).toBeGreaterThan(0);
    expect(deps.filter((d) => d.fromIndex <= d.toIndex)).toEqual([]);
    expect(deps.filter((d) => !d.from.startsWith(SYNTHETIC_PREFIX))).toEqual([]);
    // Every synthetic component depends on 1 to 3 distinct components.
    const out = new Map<string, Set<string>>();
    for (const d of deps) out.set(d.from, (out.get(d.from) ?? new Set()).add(d.to));
    expect(new Set([...out.values()].map((s) => s.size))).toEqual(new Set([1, 2, 3]));
    expect([...out.values()].reduce((n, s) => n + s.size, 0)).toBe(deps.length);
  });

  it('lets every service use 2 to 5 distinct components and be PART_OF one real OzgService', () => {
    const uses = new Map<string, string[]>();
    for (const u of pairs(small, 'USES')) uses.set(u.from, [...(uses.get(u.from) ?? []), u.to]);
    expect(uses.size).toBe(small.serviceTemplate.length);
    expect([...uses.values()].filter((t) => t.length < 2 || t.length > 5 || new Set(t).size !== t.length)).toEqual([]);
    expect(new Set([...uses.values()].map((t) => t.length))).toEqual(new Set([2, 3, 4, 5]));
    const partOf = pairs(small, 'PART_OF').filter((p) => p.fromSpace === 'service');
    expect(partOf).toHaveLength(small.serviceTemplate.length);
    const ozg = new Set(seed.services.map((s) => s.ozgService));
    expect(partOf.filter((p) => !ozg.has(p.to))).toEqual([]);
  });

  it('gives the hubs (real components such as bundid and fit-connect) the largest fan-in', () => {
    for (const plan of [small, planGeneration(seed, { scale: 0.2, seed: 9 })]) {
      const fanIn = new Map<string, number>();
      for (const e of [...pairs(plan, 'USES'), ...pairs(plan, 'DEPENDS_ON')]) fanIn.set(e.to, (fanIn.get(e.to) ?? 0) + 1);
      const top = [...fanIn].sort((a, b) => b[1] - a[1]).slice(0, plan.hubs.length).map(([id]) => id);
      expect(plan.hubs).toEqual(HUB_CANDIDATES.slice(0, plan.hubs.length));
      expect(plan.hubs.slice(0, 2)).toEqual(['bundid', 'fit-connect']);
      expect(new Set(top)).toEqual(new Set(plan.hubs));
      // "Very many": each hub is reached by far more than an average component.
      const average = [...fanIn.values()].reduce((a, b) => a + b, 0) / (plan.components.length + plan.componentKind.length);
      for (const hub of plan.hubs) expect(fanIn.get(hub)!).toBeGreaterThan(20 * average);
    }
  });

  it('prefixes every synthetic id with syn:, keeps ids unique, and only points at existing nodes', () => {
    const ids = new Set<string>();
    const real = new Set([...seed.lands, ...seed.components.map((c) => c.id), ...seed.components.flatMap((c) => c.layers), ...seed.services.map((s) => s.ozgService)]);
    let nodes = 0;
    const bad: string[] = [];
    for (const batch of writeBatches(small, 1000)) {
      if (batch.phase === 'nodes') {
        for (const row of batch.rows) {
          if (!String(row.id).startsWith('syn:')) bad.push(`node ${String(row.id)}`);
          ids.add(String(row.id));
          nodes++;
        }
      } else {
        for (const [from, to] of batch.rows) {
          if (!(ids.has(from) || real.has(from)) || !(ids.has(to) || real.has(to))) bad.push(`${batch.statement} ${from} -> ${to}: unknown end`);
          if (!from.startsWith('syn:') && !to.startsWith('syn:')) bad.push(`${batch.statement} ${from} -> ${to}: no synthetic end`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(nodes);
    expect(nodes).toBe(planCounts(small).totalNodes);
  });

  it('builds Kommune -> Kreis -> Land and lets organisations offer only services of their level', () => {
    const partOf = pairs(small, 'PART_OF');
    expect(partOf.filter((p) => p.fromSpace === 'kreis').every((p) => seed.lands.includes(p.to))).toBe(true);
    expect(partOf.filter((p) => p.fromSpace === 'kommune').every((p) => p.to.startsWith('syn:kreis:'))).toBe(true);
    const offers = pairs(small, 'OFFERS');
    expect(new Set(offers.map((o) => o.fromSpace))).toEqual(new Set(['land', 'kreis', 'kommune']));
    const wrong = offers.filter((o) => !small.templates[small.serviceTemplate[o.toIndex]!]!.executingLevels.includes(o.fromSpace === 'land' ? 'Land' : 'Kommune'));
    expect(wrong).toEqual([]);
  });

  it('is deterministic: the same seed gives the same graph whatever the order of the input', () => {
    const shuffled: SeedGraph = {
      lands: [...seed.lands].reverse(),
      components: [...seed.components].reverse().map((c) => ({ ...c, layers: [...c.layers].reverse() })),
      services: [...seed.services].reverse(),
    };
    const again = planGeneration(shuffled, { scale: 0.02, seed: 5 });
    expect(again.fingerprint).toBe(small.fingerprint);
    expect(digest(again)).toBe(digest(small));
    const other = planGeneration(seed, { scale: 0.02, seed: 6 });
    expect(other.fingerprint).not.toBe(small.fingerprint);
    expect(digest(other)).not.toBe(digest(small));
  });

  it('refuses a scale that is not above 0 and an empty seed graph', () => {
    expect(() => planGeneration(seed, { scale: 0 })).toThrow('scale must be a number above 0, got 0');
    expect(() => planGeneration({ lands: [], components: [], services: [] }, { scale: 1 })).toThrow(/no Land .* load the seed first/);
  });
});
