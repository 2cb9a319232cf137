import { TraversalIndex, type TraversalLink, type TraversalRows } from '../../src/traversal/TraversalIndex';
import { impactHits, smallest, type ImpactHitsArgs } from '../../src/traversal/impactHits';

const dep = (from: string, to: string, evidence: string | null = 'sourced'): TraversalLink => ({ from, fromLabel: 'Component', type: 'DEPENDS_ON', to, evidence });
const impl = (from: string, to: string, evidence: string | null = 'sourced'): TraversalLink => ({ from, fromLabel: 'Component', type: 'IMPLEMENTS', to, evidence });
const use = (from: string, to: string, evidence: string | null = 'sourced'): TraversalLink => ({ from, fromLabel: 'Service', type: 'USES', to, evidence });

/**
 * o <- a (sourced) <- b (secondary) <- c (inferred); o <- d (inferred) <- b (sourced): b is reached at 2
 * both through a (secondary chain) and through d (inferred chain). std <- a (IMPLEMENTS).
 * Services: s1 uses o; s2 uses b (inferred use) and c; s3 uses c only; s4 uses std.
 */
const rows: TraversalRows = {
  edges: [
    dep('a', 'o'),
    dep('b', 'a', 'secondary'),
    dep('c', 'b', 'inferred'),
    dep('d', 'o', 'inferred'),
    dep('b', 'd'),
    impl('a', 'std'),
    use('s1', 'o'),
    use('s2', 'b', 'inferred'),
    use('s2', 'c'),
    use('s3', 'c'),
    use('s4', 'std'),
  ],
  services: [
    { id: 's1', levels: ['bund', 'land'], topics: ['t1', 't2'], lifeSituations: ['l1', 'l1', 'l2'] },
    { id: 's2', levels: ['land'], topics: ['t1'], lifeSituations: ['l1'] },
    { id: 's3', levels: [], topics: [], lifeSituations: [] },
    // A repeated row replaces the lists, it does not add to them.
    { id: 's3', levels: ['kommune'], topics: [], lifeSituations: [] },
  ],
  layers: [
    { id: 'o', layer: 'L1' },
    { id: 'o', layer: 'L2' },
    { id: 'a', layer: 'L1' },
    { id: 'c', layer: 'L2' },
  ],
};

const index = new TraversalIndex(rows, 7);
const args = (over: Partial<ImpactHitsArgs> = {}): ImpactHitsArgs => ({
  origin: 'o',
  maxDepth: 6,
  sourcedOnly: false,
  evidence: true,
  components: { skip: 0, limit: 100 },
  services: { skip: 0, limit: 100 },
  byLayer: true,
  byTopic: true,
  byLifeSituation: true,
  byExecutingLevel: true,
  ...over,
});

describe('the traversal index', () => {
  it('keeps its size and build time', () => {
    expect(index.stats).toMatchObject({ version: 7, nodes: 10, relationships: 11 });
    expect(index.stats.bytes).toBeGreaterThan(0);
    expect(index.stats.buildMs).toBeGreaterThanOrEqual(0);
  });

  it('finds the hits nearest first, then by id, each as sure as its surest shortest chain', () => {
    const hits = impactHits(index, args());
    expect(hits.components).toEqual([
      { id: 'a', d: 1, e: 'sourced' },
      { id: 'd', d: 1, e: 'inferred' },
      { id: 'b', d: 2, e: 'secondary' },
      { id: 'c', d: 3, e: 'inferred' },
    ]);
    expect(hits).toMatchObject({ componentCount: 4, componentsSourced: 1, componentsSecondary: 1 });
  });

  it('gives each service its nearest used hit plus one, the surest among the nearest', () => {
    const hits = impactHits(index, args());
    // s2: b at 2 by an inferred use (key 3*3+2) and c at 3 (further): distance 3, inferred.
    expect(hits.services).toEqual([
      { id: 's1', d: 1, e: 'sourced' },
      { id: 's2', d: 3, e: 'inferred' },
      { id: 's3', d: 4, e: 'inferred' },
    ]);
    expect(hits).toMatchObject({ serviceCount: 3, servicesSourced: 1, servicesSecondary: 0 });
  });

  it('groups layers per link, topics once per service, life situations per path, levels per service', () => {
    const hits = impactHits(index, args());
    expect(hits.byLayer).toEqual([
      { id: 'L1', count: 2 },
      { id: 'L2', count: 2 },
    ]);
    expect(hits.byTopic).toEqual([
      { id: 't1', count: 2 },
      { id: 't2', count: 1 },
    ]);
    expect(hits.byLifeSituation).toEqual([
      { id: 'l1', count: 3 },
      { id: 'l2', count: 1 },
    ]);
    expect([...hits.byExecutingLevel].sort((a, b) => a.level.localeCompare(b.level))).toEqual([
      { level: 'bund', count: 1 },
      { level: 'kommune', count: 1 },
      { level: 'land', count: 2 },
    ]);
  });

  it('follows only sourced links when asked', () => {
    const hits = impactHits(index, args({ sourcedOnly: true }));
    expect(hits.components).toEqual([{ id: 'a', d: 1, e: 'sourced' }]);
    expect(hits.services).toEqual([{ id: 's1', d: 1, e: 'sourced' }]);
  });

  it('answers null evidence when none is asked, and respects the depth bound and the pages', () => {
    const hits = impactHits(index, args({ evidence: false, maxDepth: 1, components: { skip: 1, limit: 1 }, services: null }));
    expect(hits.components).toEqual([{ id: 'd', d: 1, e: null }]);
    expect(hits.componentCount).toBe(2);
    expect(hits.services).toEqual([]);
    expect(hits.serviceCount).toBe(1);
  });

  it('starts from a standard over IMPLEMENTS, and knows nothing of an id without links', () => {
    expect(impactHits(index, args({ origin: 'std' })).components.map((h) => [h.id, h.d])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const none = impactHits(index, args({ origin: 'nowhere' }));
    expect(none).toMatchObject({ componentCount: 0, serviceCount: 0, components: [], services: [], byLayer: [] });
  });
});

describe('smallest', () => {
  it('returns the k smallest keys in order, by heap or by sort, as a full sort would', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (const size of [0, 1, 5, 100, 1000, 20_000]) {
      const keys = Float64Array.from({ length: size }, () => Math.floor(random() * 5000));
      const sorted = Array.from(keys).sort((a, b) => a - b);
      for (const k of [0, 1, 3, 100, 150, size, size + 10]) {
        expect({ size, k, got: Array.from(smallest(keys, k)) }).toEqual({ size, k, got: sorted.slice(0, Math.max(0, Math.min(k, size))) });
      }
    }
  });
});
