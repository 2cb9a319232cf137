import { checkpoint } from '../cpu/checkpoint';
import type { EvidenceCode, TraversalIndex } from './TraversalIndex';

/** Evidence of a hit as the API answers it (null when the query asked for none). */
export type HitEvidence = 'sourced' | 'secondary' | 'inferred' | null;

/** A hit of an impact: the node's id, its distance and evidence. */
export interface IndexHit {
  readonly id: string;
  readonly d: number;
  readonly e: HitEvidence;
}

/** A group of a summary: the key (a node id or a level) and how many hits it has. */
export interface IndexGroup {
  readonly id: string;
  readonly count: number;
}

/** What the query needs of an impact, worked out by the resolver (plain data: it crosses to a worker). */
export interface ImpactHitsArgs {
  readonly origin: string;
  readonly maxDepth: number;
  /** Only sourced links are followed (`evidence: SOURCED`). */
  readonly sourcedOnly: boolean;
  /** Whether the evidence of hits is needed (else hits carry null, as in the compiled statement). */
  readonly evidence: boolean;
  /** The ranges of the sorted hit lists to return; null when that list is not selected. */
  readonly components: { readonly skip: number; readonly limit: number } | null;
  readonly services: { readonly skip: number; readonly limit: number } | null;
  readonly byLayer: boolean;
  readonly byTopic: boolean;
  readonly byLifeSituation: boolean;
  readonly byExecutingLevel: boolean;
}

/** The topology part of an impact report: counts, the asked pages of hits and the summary groups. */
export interface ImpactHits {
  readonly componentCount: number;
  readonly componentsSourced: number;
  readonly componentsSecondary: number;
  readonly serviceCount: number;
  readonly servicesSourced: number;
  readonly servicesSecondary: number;
  readonly components: readonly IndexHit[];
  readonly services: readonly IndexHit[];
  /** Largest group first, then by id (levels unsorted: the caller sorts them with the compiled path's rule). */
  readonly byLayer: readonly IndexGroup[];
  readonly byTopic: readonly IndexGroup[];
  readonly byLifeSituation: readonly IndexGroup[];
  readonly byExecutingLevel: readonly { readonly level: string; readonly count: number }[];
}

const NAMES: readonly HitEvidence[] = ['sourced', 'secondary', 'inferred'];

/**
 * The impact of a change of `origin`, answered from the index with the semantics of the compiled
 * statement (src/engine/impactSearch.ts, impactGroups.ts): components reach the origin over
 * DEPENDS_ON and IMPLEMENTS within maxDepth hops (nearest first, then by id); a hit is sourced when a
 * sourced chain is among its shortest, secondary when a chain of sourced and secondary links is, else
 * inferred; a service's distance is one more than its nearest used hit (the origin at 0), the surest
 * chain preferred among the nearest; the groups count the origin and the hit components per layer
 * (one per link), the hit services per topic (each once), per life situation (one per path) and per
 * executing level.
 */
export function impactHits(index: TraversalIndex, args: ImpactHitsArgs): ImpactHits {
  const origin = index.numberOf(args.origin);
  const all = index.distances(origin, args.maxDepth, args.sourcedOnly ? 0 : 2);
  const withEvidence = args.evidence && !args.sourcedOnly;
  const sourced = withEvidence ? index.distances(origin, args.maxDepth, 0) : null;
  const secondary = withEvidence ? index.distances(origin, args.maxDepth, 1) : null;

  // Hit components with their distance and evidence code (3: none asked).
  const comps: { i: number; d: number; e: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    const d = all[i] as number;
    if (d <= 0 || !index.isComponent(i)) continue;
    let e = args.sourcedOnly ? 0 : 3;
    if (sourced && secondary) e = sourced[i] === d ? 0 : secondary[i] === d ? 1 : 2;
    comps.push({ i, d, e });
  }
  const ids = index.ids;
  comps.sort((a, b) => a.d - b.d || compare(ids[a.i] as string, ids[b.i] as string));

  // Services: the smallest key 3 * distance + the weaker evidence of the use and the hit's chain.
  const serviceKey = new Map<number, number>();
  const visitHit = (x: number, d: number, e: number): void => {
    checkpoint();
    index.forEachUser(x, (s, u: EvidenceCode) => {
      if (args.sourcedOnly && u !== 0) return;
      const code = withEvidence ? (e === 0 && u === 0 ? 0 : e <= 1 && u <= 1 ? 1 : 2) : 0;
      const key = 3 * (d + 1) + code;
      const old = serviceKey.get(s);
      if (old === undefined || key < old) serviceKey.set(s, key);
    });
  };
  if (origin >= 0) visitHit(origin, 0, 0);
  for (const c of comps) visitHit(c.i, c.d, c.e);
  const svcs: { i: number; d: number; e: number }[] = [];
  for (const [i, key] of serviceKey) svcs.push({ i, d: Math.floor(key / 3), e: args.sourcedOnly ? 0 : withEvidence ? key % 3 : 3 });
  svcs.sort((a, b) => a.d - b.d || compare(ids[a.i] as string, ids[b.i] as string));

  const hit = (h: { i: number; d: number; e: number }): IndexHit => ({ id: ids[h.i] as string, d: h.d, e: h.e === 3 ? null : (NAMES[h.e] as HitEvidence) });
  const page = (list: { i: number; d: number; e: number }[], range: { skip: number; limit: number } | null): IndexHit[] => (range ? list.slice(range.skip, range.skip + range.limit).map(hit) : []);
  const count = (list: { e: number }[], e: number): number => list.reduce((n, h) => n + (h.e === e ? 1 : 0), 0);

  return {
    componentCount: comps.length,
    componentsSourced: count(comps, 0),
    componentsSecondary: count(comps, 1),
    serviceCount: svcs.length,
    servicesSourced: count(svcs, 0),
    servicesSecondary: count(svcs, 1),
    components: page(comps, args.components),
    services: page(svcs, args.services),
    byLayer: args.byLayer ? groups(index, 'layers', origin >= 0 ? [origin, ...comps.map((c) => c.i)] : comps.map((c) => c.i), false) : [],
    byTopic: args.byTopic ? groups(index, 'topics', svcs.map((s) => s.i), false) : [],
    byLifeSituation: args.byLifeSituation ? groups(index, 'lifeSituations', svcs.map((s) => s.i), false) : [],
    byExecutingLevel: args.byExecutingLevel ? groups(index, 'levels', svcs.map((s) => s.i), true).map((g) => ({ level: g.id, count: g.count })) : [],
  };
}

/** Counts the keys of `nodes` in one group list; sorted by count, then key, unless `unsorted`. */
function groups(index: TraversalIndex, group: 'layers' | 'levels' | 'topics' | 'lifeSituations', nodes: readonly number[], unsorted: boolean): IndexGroup[] {
  const counts = new Map<number, number>();
  for (const i of nodes) for (const k of index.keysOf(group, i)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out = [...counts].map(([k, count]) => ({ id: index.keyNames[k] as string, count }));
  return unsorted ? out : out.sort((a, b) => b.count - a.count || compare(a.id, b.id));
}

/** Code-point order of ids, as Cypher's ORDER BY on strings. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
