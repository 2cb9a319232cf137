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
  /** The origin's label when the graph version knows it as a component or standard (set by the worker's model); else null or absent. */
  readonly originLabel?: 'Component' | 'Standard' | null;
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
  // The per-node arrays are the index's scratch buffers, reused from call to call (filled here).
  const int32 = (name: string): Int32Array => index.scratch(name, 'int32') as Int32Array;
  const uint8 = (name: string): Uint8Array => index.scratch(name, 'uint8') as Uint8Array;
  const all = index.distances(origin, args.maxDepth, args.sourcedOnly ? 0 : 2, int32('all'));
  const withEvidence = args.evidence && !args.sourcedOnly;
  const sourced = withEvidence ? index.distances(origin, args.maxDepth, 0, int32('sourced')) : null;
  const secondary = withEvidence ? index.distances(origin, args.maxDepth, 1, int32('secondary')) : null;

  // Hits are kept as numbers: key = distance * n + rank (the id's place in code-point order), sorted
  // as a Float64Array, so that a hundred thousand hits sort without comparing strings; the evidence
  // code of each (3: none asked) sits in a typed array beside it.
  const n = index.ids.length;
  const { rank, byRank } = index;
  const code = uint8('code'); // read only for hit components, each written below
  let compCount = 0;
  for (let i = 0; i < all.length; i++) if ((all[i] as number) > 0 && index.isComponent(i)) compCount++;
  const compKeys = new Float64Array(compCount);
  compCount = 0;
  for (let i = 0; i < all.length; i++) {
    const d = all[i] as number;
    if (d <= 0 || !index.isComponent(i)) continue;
    let e = args.sourcedOnly ? 0 : 3;
    if (sourced && secondary) e = sourced[i] === d ? 0 : secondary[i] === d ? 1 : 2;
    code[i] = e;
    compKeys[compCount++] = d * n + (rank[i] as number);
  }

  // Services: the smallest key 3 * distance + the weaker evidence of the use and the hit's chain.
  const NONE = 0x7fffffff;
  const serviceKey = int32('serviceKey').fill(NONE);
  const touchedAt = int32('touched');
  let touchedCount = 0;
  const users = index.usersOf;
  const visitHit = (x: number, d: number, e: number): void => {
    checkpoint();
    for (let j = users.start[x] as number, end = users.start[x + 1] as number; j < end; j++) {
      const u = users.evidence[j] as number;
      if (args.sourcedOnly && u !== 0) continue;
      const s = users.to[j] as number;
      const c = withEvidence ? (e === 0 && u === 0 ? 0 : e <= 1 && u <= 1 ? 1 : 2) : 0;
      const key = 3 * (d + 1) + c;
      const old = serviceKey[s] as number;
      if (old === NONE) touchedAt[touchedCount++] = s;
      if (key < old) serviceKey[s] = key;
    }
  };
  if (origin >= 0) visitHit(origin, 0, 0);
  for (let k = 0; k < compKeys.length; k++) {
    const key = compKeys[k] as number;
    const i = byRank[key % n] as number;
    visitHit(i, Math.floor(key / n), code[i] as number);
  }
  const touched = touchedAt.subarray(0, touchedCount);
  const svcKeys = new Float64Array(touched.length);
  const svcCode = uint8('svcCode'); // read only for hit services, each written below
  for (let k = 0; k < touched.length; k++) {
    const s = touched[k] as number;
    const key = serviceKey[s] as number;
    svcCode[s] = args.sourcedOnly ? 0 : withEvidence ? key % 3 : 3;
    svcKeys[k] = Math.floor(key / 3) * n + (rank[s] as number);
  }

  const ids = index.ids;
  const nodeOf = (key: number): number => byRank[key % n] as number;
  const page = (keys: Float64Array, codes: Uint8Array, range: { skip: number; limit: number } | null): IndexHit[] => {
    if (!range) return [];
    const out: IndexHit[] = [];
    const first = smallest(keys, range.skip + range.limit);
    for (let k = range.skip; k < first.length; k++) {
      const key = first[k] as number;
      const i = nodeOf(key);
      const e = codes[i] as number;
      out.push({ id: ids[i] as string, d: Math.floor(key / n), e: e === 3 ? null : (NAMES[e] as HitEvidence) });
    }
    return out;
  };
  const count = (keys: Float64Array, codes: Uint8Array, e: number): number => {
    let c = 0;
    for (let k = 0; k < keys.length; k++) if (codes[nodeOf(keys[k] as number)] === e) c++;
    return c;
  };
  const compNodes = (): number[] => {
    const out = origin >= 0 ? [origin] : [];
    for (let k = 0; k < compKeys.length; k++) out.push(nodeOf(compKeys[k] as number));
    return out;
  };

  return {
    componentCount: compKeys.length,
    componentsSourced: count(compKeys, code, 0),
    componentsSecondary: count(compKeys, code, 1),
    serviceCount: touched.length,
    servicesSourced: count(svcKeys, svcCode, 0),
    servicesSecondary: count(svcKeys, svcCode, 1),
    components: page(compKeys, code, args.components),
    services: page(svcKeys, svcCode, args.services),
    byLayer: args.byLayer ? groups(index, 'layers', compNodes(), false) : [],
    byTopic: args.byTopic ? groups(index, 'topics', touched, false) : [],
    byLifeSituation: args.byLifeSituation ? groups(index, 'lifeSituations', touched, false) : [],
    byExecutingLevel: args.byExecutingLevel ? groups(index, 'levels', touched, true).map((g) => ({ level: g.id, count: g.count })) : [],
  };
}

/**
 * The `count` smallest of `keys`, sorted: through a bounded max-heap when they are few next to all
 * (a page of a hundred out of a hundred thousand hits), else by sorting a copy.
 */
export function smallest(keys: Float64Array, count: number): Float64Array {
  const k = Math.min(count, keys.length);
  if (k <= 0) return new Float64Array(0);
  if (k * 8 > keys.length) return keys.slice().sort().subarray(0, k);
  const heap = keys.slice(0, k);
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < k && (heap[l] as number) > (heap[top] as number)) top = l;
      if (r < k && (heap[r] as number) > (heap[top] as number)) top = r;
      if (top === i) return;
      const t = heap[i] as number;
      heap[i] = heap[top] as number;
      heap[top] = t;
      i = top;
    }
  };
  for (let i = (k >> 1) - 1; i >= 0; i--) down(i);
  for (let j = k; j < keys.length; j++) {
    const x = keys[j] as number;
    if (x < (heap[0] as number)) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort();
}

/** Counts the keys of `nodes` in one group list; sorted by count, then key, unless `unsorted`. */
function groups(index: TraversalIndex, group: 'layers' | 'levels' | 'topics' | 'lifeSituations', nodes: ArrayLike<number>, unsorted: boolean): IndexGroup[] {
  const counts = new Int32Array(index.keyNames.length);
  const seen: number[] = [];
  const { start, keys } = index.keyRows(group);
  for (let x = 0; x < nodes.length; x++) {
    const i = nodes[x] as number;
    for (let j = start[i] as number, end = start[i + 1] as number; j < end; j++) {
      const k = keys[j] as number;
      if (counts[k] === 0) seen.push(k);
      counts[k] = (counts[k] as number) + 1;
    }
  }
  const out = seen.map((k) => ({ id: index.keyNames[k] as string, count: counts[k] as number }));
  return unsorted ? out : out.sort((a, b) => b.count - a.count || compare(a.id, b.id));
}

/** Code-point order of ids, as Cypher's ORDER BY on strings. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
