import { AVERAGE_LAND, LAND_SHAPE, apportion } from './germany';
import { createRandom, cumulativeWeights } from './random';

/** What the generator needs of the real seed graph (ids of real nodes only, never `syn:` ones). */
export interface SeedGraph {
  /** The Länder (Organization, level Land, kind state): the top of the synthetic hierarchy. */
  readonly lands: readonly string[];
  /** Real components with their kind and layers: targets of DEPENDS_ON and USES, and templates. */
  readonly components: readonly { readonly id: string; readonly kind: string; readonly layers: readonly string[] }[];
  /** Real services that are PART_OF an OzgService: templates of the synthetic services. */
  readonly services: readonly { readonly ozgService: string; readonly leikaType: string; readonly executingLevels: readonly string[] }[];
}

/** Sizes at scale 1; every size scales linearly with the scale. */
export const SIZES_AT_SCALE_1 = { kreise: 400, kommunen: 11_000, components: 50_000, services: 200_000, servicesPerLand: 2_000 } as const;

/** Real components that become hubs (most fan-in), in order of weight, as far as the seed has them. */
export const HUB_CANDIDATES = ['bundid', 'fit-connect', 'pvog', 'epaybl', 'eid', 'dvdv'] as const;

/** The id spaces an end of a planned relationship lives in (an index into one of them). */
export type Space = 'land' | 'kreis' | 'kommune' | 'component' | 'layer' | 'service' | 'ozgService';

/** One set of planned relationships of one type between two spaces: from[i] -> to[i]. */
export interface EdgeSet {
  readonly type: 'PART_OF' | 'DEPENDS_ON' | 'IN_LAYER' | 'USES' | 'OFFERS';
  readonly from: Space;
  readonly to: Space;
  readonly fromIndex: Int32Array;
  readonly toIndex: Int32Array;
}

/** A deterministic synthetic graph: synthetic nodes by index, relationships as index pairs. */
export interface GenerationPlan {
  readonly scale: number;
  readonly seed: number;
  /** Changes whenever scale, seed or the seed graph's ids change: tells a present generation apart. */
  readonly fingerprint: string;
  readonly lands: readonly string[];
  /** Real components sorted by id: component index i < realComponents is components[i]. */
  readonly components: readonly string[];
  readonly layers: readonly string[];
  readonly ozgServices: readonly string[];
  readonly hubs: readonly string[];
  /** Per synthetic Kreis, the index of its Land. */
  readonly kreisLand: Int32Array;
  /** Per synthetic Kommune, the index of its Kreis. */
  readonly kommuneKreis: Int32Array;
  /** Per synthetic component, the real component whose kind it takes. */
  readonly componentKind: readonly string[];
  /** Per synthetic service, its LeiKa type and executing levels (copied from a real service). */
  readonly serviceTemplate: Int32Array;
  readonly templates: SeedGraph['services'];
  readonly edges: readonly EdgeSet[];
}

/**
 * Plans a Germany-shaped synthetic graph around the real seed graph: Kreise and Kommunen under the
 * real Länder, components whose DEPENDS_ON fan-in is hub-shaped (preferential attachment, always
 * from a higher to a lower component index, real components lowest, so it stays acyclic), services
 * that are PART_OF real OzgServices and USE 2-5 distinct components, and OFFERS by the organisations.
 * Pure: the same seed graph, scale and seed give the same plan.
 */
export function planGeneration(seedGraph: SeedGraph, options: { scale: number; seed?: number }): GenerationPlan {
  const { scale } = options;
  const seed = options.seed ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be a number above 0, got ${scale}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const lands = [...seedGraph.lands].sort();
  const real = [...seedGraph.components].map((c) => ({ ...c, layers: [...c.layers].sort() })).sort((a, b) => cmp(a.id, b.id));
  const templates = [...seedGraph.services].sort((a, b) => cmp(a.ozgService, b.ozgService) || cmp(a.leikaType, b.leikaType) || cmp(a.executingLevels.join(), b.executingLevels.join()));
  const withLayers = real.filter((c) => c.layers.length > 0);
  if (lands.length === 0) throw new Error('the seed graph has no Land (Organization with level Land, kind state); load the seed first');
  if (withLayers.length === 0) throw new Error('the seed graph has no Component IN_LAYER a Layer; load the seed first');
  if (templates.length === 0) throw new Error('the seed graph has no Service PART_OF an OzgService; load the seed first');
  const rnd = createRandom(seed);
  const size = (n: number): number => Math.round(n * scale);

  // Organisations: Kreise per Land by the real shape, Kommunen spread over the Länder that got a Kreis.
  const shape = lands.map((id) => LAND_SHAPE[id] ?? AVERAGE_LAND);
  const kommunenTotal = size(SIZES_AT_SCALE_1.kommunen);
  const kreiseTotal = Math.max(size(SIZES_AT_SCALE_1.kreise), kommunenTotal > 0 ? 1 : 0);
  const kreisePerLand = apportion(kreiseTotal, shape.map((s) => s.kreise));
  const kreisLand = new Int32Array(kreiseTotal);
  const kreiseOfLand: number[][] = lands.map(() => []);
  let k = 0;
  kreisePerLand.forEach((n, land) => {
    for (let i = 0; i < n; i++, k++) {
      kreisLand[k] = land;
      kreiseOfLand[land]!.push(k);
    }
  });
  const kommunenPerLand = apportion(kommunenTotal, shape.map((s, land) => (kreiseOfLand[land]!.length > 0 ? s.gemeinden : 0)));
  const kommuneKreis = new Int32Array(kommunenTotal);
  let m = 0;
  kommunenPerLand.forEach((n, land) => {
    const kreise = kreiseOfLand[land]!;
    for (let i = 0; i < n; i++, m++) kommuneKreis[m] = kreise[rnd.int(0, kreise.length - 1)]!;
  });

  // Components: hubs, then preferential attachment over DEPENDS_ON and USES fan-in.
  const hubIds = HUB_CANDIDATES.filter((id) => real.some((c) => c.id === id));
  const hubs = hubIds.length > 0 ? [...hubIds] : real.slice(0, 3).map((c) => c.id);
  const hubIndex = hubs.map((id) => real.findIndex((c) => c.id === id));
  const hubWeights = cumulativeWeights(hubIndex.map((_, i) => hubIndex.length - i));
  const layers = [...new Set(withLayers.flatMap((c) => c.layers))].sort();
  const layerIndex = new Map(layers.map((l, i) => [l, i]));
  const componentsTotal = size(SIZES_AT_SCALE_1.components);
  const componentKind: string[] = [];
  const inLayer = new EdgeBuilder('IN_LAYER', 'component', 'layer');
  const dependsOn = new EdgeBuilder('DEPENDS_ON', 'component', 'component');
  const fanIn = new GrowingInts();
  const pick = (below: number, hubShare: number, preferentialShare: number): number => {
    const r = rnd.next();
    if (r < hubShare) return hubIndex[rnd.weighted(hubWeights)]!;
    if (r < hubShare + preferentialShare && fanIn.length > 0) return fanIn.at(rnd.int(0, fanIn.length - 1));
    return rnd.int(0, below - 1);
  };
  for (let j = 0; j < componentsTotal; j++) {
    const self = real.length + j;
    const template = withLayers[rnd.int(0, withLayers.length - 1)]!;
    componentKind.push(template.kind);
    inLayer.push(self, layerIndex.get(template.layers[rnd.int(0, template.layers.length - 1)]!)!);
    const wanted = Math.min(self, [1, 1, 2, 2, 2, 2, 3, 3][rnd.int(0, 7)]!);
    // Every target is below `self` (fan-in entries are targets of lower components): acyclic.
    for (const target of distinct(wanted, () => pick(self, 0.3, 0.45))) {
      dependsOn.push(self, target);
      fanIn.push(target);
    }
  }

  // Services: PART_OF the OzgService of a real template, USES 2-5 distinct components.
  const componentCount = real.length + componentsTotal;
  const ozgServices = [...new Set(templates.map((t) => t.ozgService))].sort();
  const ozgIndex = new Map(ozgServices.map((o, i) => [o, i]));
  const servicesTotal = size(SIZES_AT_SCALE_1.services);
  const serviceTemplate = new Int32Array(servicesTotal);
  const partOfService = new EdgeBuilder('PART_OF', 'service', 'ozgService');
  const uses = new EdgeBuilder('USES', 'service', 'component');
  const byLevel: Record<'Land' | 'Kommune', number[]> = { Land: [], Kommune: [] };
  for (let s = 0; s < servicesTotal; s++) {
    const t = rnd.int(0, templates.length - 1);
    const template = templates[t]!;
    serviceTemplate[s] = t;
    partOfService.push(s, ozgIndex.get(template.ozgService)!);
    for (const level of ['Land', 'Kommune'] as const) if (template.executingLevels.includes(level)) byLevel[level].push(s);
    for (const target of distinct(Math.min(componentCount, rnd.int(2, 5)), () => pick(componentCount, 0.35, 0.35))) {
      uses.push(s, target);
      fanIn.push(target);
    }
  }

  // Organisations: PART_OF the level above, OFFERS a sample of the services of their level.
  const kreisPartOf = new EdgeBuilder('PART_OF', 'kreis', 'land');
  kreisLand.forEach((land, i) => kreisPartOf.push(i, land));
  const kommunePartOf = new EdgeBuilder('PART_OF', 'kommune', 'kreis');
  kommuneKreis.forEach((kreis, i) => kommunePartOf.push(i, kreis));
  const offers = (from: 'land' | 'kreis' | 'kommune', count: number, pool: number[], min: number, max: number): EdgeSet => {
    const b = new EdgeBuilder('OFFERS', from, 'service');
    for (let o = 0; o < count; o++) {
      const n = Math.min(pool.length, rnd.int(min, max));
      for (const i of distinct(n, () => rnd.int(0, pool.length - 1))) b.push(o, pool[i]!);
    }
    return b.finish();
  };
  const perLand = size(SIZES_AT_SCALE_1.servicesPerLand);
  const edges = [
    kreisPartOf.finish(),
    kommunePartOf.finish(),
    inLayer.finish(),
    dependsOn.finish(),
    partOfService.finish(),
    uses.finish(),
    offers('land', lands.length, byLevel.Land, perLand, perLand),
    offers('kreis', kreiseTotal, byLevel.Kommune, 20, 60),
    offers('kommune', kommunenTotal, byLevel.Kommune, 5, 25),
  ];
  const fingerprint = `v1 scale=${scale} seed=${seed} input=${fnv1a(JSON.stringify([lands, real, templates]))}`;
  return { scale, seed, fingerprint, lands, components: real.map((c) => c.id), layers, ozgServices, hubs, kreisLand, kommuneKreis, componentKind, serviceTemplate, templates, edges };
}

/** Synthetic nodes per label and relationships per type that a plan writes, with totals. */
export function planCounts(plan: GenerationPlan): { nodes: Record<string, number>; relationships: Record<string, number>; totalNodes: number; totalRelationships: number } {
  const nodes = { Component: plan.componentKind.length, Organization: plan.kreisLand.length + plan.kommuneKreis.length, Service: plan.serviceTemplate.length };
  const relationships: Record<string, number> = {};
  for (const e of plan.edges) relationships[e.type] = (relationships[e.type] ?? 0) + e.fromIndex.length;
  const sorted = Object.fromEntries(Object.entries(relationships).sort(([a], [b]) => cmp(a, b)));
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return { nodes, relationships: sorted, totalNodes: sum(nodes), totalRelationships: sum(sorted) };
}

/** `n` distinct values from `draw` (draws again on a repeat; the callers' ranges are never smaller than n). */
function distinct(n: number, draw: () => number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < n) {
    const v = draw();
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint of the input, not a security hash. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** An Int32Array that grows as values are pushed. */
class GrowingInts {
  private data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Collects the index pairs of one EdgeSet. */
class EdgeBuilder {
  private readonly from = new GrowingInts();
  private readonly to = new GrowingInts();

  constructor(
    private readonly type: EdgeSet['type'],
    private readonly fromSpace: Space,
    private readonly toSpace: Space,
  ) {}

  push(from: number, to: number): void {
    this.from.push(from);
    this.to.push(to);
  }

  finish(): EdgeSet {
    return { type: this.type, from: this.fromSpace, to: this.toSpace, fromIndex: this.from.finish(), toIndex: this.to.finish() };
  }
}
