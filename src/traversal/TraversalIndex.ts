import { checkpoint } from '../cpu/checkpoint';

/** Evidence of a link as the index keeps it: 0 sourced, 1 secondary, 2 anything else (inferred, unknown). */
export type EvidenceCode = 0 | 1 | 2;

export function evidenceCode(evidence: string | null | undefined): EvidenceCode {
  return evidence === 'sourced' ? 0 : evidence === 'secondary' ? 1 : 2;
}

/** One link the index is built from: `from` uses, needs or implements `to`. */
export interface TraversalLink {
  readonly from: string;
  readonly fromLabel: 'Service' | 'Component';
  readonly type: 'USES' | 'DEPENDS_ON' | 'IMPLEMENTS';
  readonly to: string;
  readonly evidence?: string | null;
}

/** What the impact summaries group services by: executing levels, topics (distinct), life situations (one per path). */
export interface TraversalService {
  readonly id: string;
  readonly levels?: readonly string[] | null;
  readonly topics?: readonly string[] | null;
  readonly lifeSituations?: readonly string[] | null;
}

/** The rows of one graph version the index is built from (plain data). */
export interface TraversalRows {
  readonly edges: readonly TraversalLink[];
  readonly services: readonly TraversalService[];
  readonly layers: readonly { readonly id: string; readonly layer: string }[];
}

/** A compressed adjacency list: the neighbours of node i are `to[start[i]..start[i+1]]`, each with its evidence. */
interface Adjacency {
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly evidence: Uint8Array;
}

/** A list of interned keys per node (layers, levels, topics, life situations), compressed the same way. */
interface Keys {
  readonly start: Int32Array;
  readonly keys: Int32Array;
}

/** Size and build time of an index, for `about` and the log. */
export interface TraversalIndexStats {
  readonly version: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly bytes: number;
  readonly buildMs: number;
}

/**
 * The topology the impact traversals walk, for one graph version, held as compact arrays: node ids
 * interned to integers, who depends on or implements each node (incoming DEPENDS_ON and IMPLEMENTS)
 * and which services use it (incoming USES), each link with its evidence, and the keys the summaries
 * group by. Built once per version in a CPU worker (never on the event loop) from rows read from
 * Neo4j; Neo4j keeps serving properties, lists and search.
 */
export class TraversalIndex {
  readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  readonly keyNames: string[] = [];
  private readonly keyNumbers = new Map<string, number>();
  private readonly dependents: Adjacency;
  private readonly users: Adjacency;
  private readonly component: Uint8Array;
  private readonly layers: Keys;
  private readonly levels: Keys;
  private readonly topics: Keys;
  private readonly lifeSituations: Keys;
  /** Each node's place in the code-point order of the ids (Cypher's ORDER BY id), and its inverse. */
  readonly rank: Int32Array;
  readonly byRank: Int32Array;
  readonly stats: TraversalIndexStats;

  constructor(rows: TraversalRows, version: number) {
    const started = performance.now();
    // Two passes over the links and no object per link: ends interned into typed arrays, then each
    // adjacency list counted and filled (compressed sparse rows).
    const m = rows.edges.length;
    const from = new Int32Array(m);
    const to = new Int32Array(m);
    const kind = new Uint8Array(m); // 0 dependent (DEPENDS_ON, IMPLEMENTS), 1 user (a service's USES), 2 neither
    const evidence = new Uint8Array(m);
    for (let j = 0; j < m; j++) {
      const e = rows.edges[j] as TraversalLink;
      from[j] = this.node(e.from);
      to[j] = this.node(e.to);
      kind[j] = e.type !== 'USES' ? 0 : e.fromLabel === 'Service' ? 1 : 2;
      evidence[j] = evidenceCode(e.evidence);
    }
    for (const l of rows.layers) this.node(l.id);
    for (const s of rows.services) this.node(s.id);
    const n = this.ids.length;
    this.component = new Uint8Array(n);
    for (let j = 0; j < m; j++) if ((rows.edges[j] as TraversalLink).fromLabel === 'Component') this.component[from[j] as number] = 1;
    this.dependents = adjacency(n, to, from, evidence, (j) => kind[j] === 0);
    this.users = adjacency(n, to, from, evidence, (j) => kind[j] === 1);
    this.layers = this.keyList(n, rows.layers.map((l) => [this.node(l.id), [l.layer]] as const), 'add');
    this.levels = this.keyList(n, rows.services.map((s) => [this.node(s.id), s.levels ?? []] as const), 'replace');
    this.topics = this.keyList(n, rows.services.map((s) => [this.node(s.id), s.topics ?? []] as const), 'replace');
    this.lifeSituations = this.keyList(n, rows.services.map((s) => [this.node(s.id), s.lifeSituations ?? []] as const), 'replace');
    // Sorting hits by (distance, id) then compares numbers: distance * n + rank.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((this.ids[a] as string) < (this.ids[b] as string) ? -1 : 1));
    this.byRank = Int32Array.from(order);
    this.rank = new Int32Array(n);
    for (let r = 0; r < n; r++) this.rank[this.byRank[r] as number] = r;
    const arrays = [this.rank, this.byRank, this.dependents.start, this.dependents.to, this.dependents.evidence, this.users.start, this.users.to, this.users.evidence, this.component];
    for (const k of [this.layers, this.levels, this.topics, this.lifeSituations]) arrays.push(k.start, k.keys);
    // Typed arrays by their length; interned strings at two bytes a character plus a map entry each.
    let bytes = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    for (const id of this.ids) bytes += 2 * id.length + 64;
    for (const k of this.keyNames) bytes += 2 * k.length + 64;
    this.stats = { version, nodes: n, relationships: this.dependents.to.length + this.users.to.length, bytes, buildMs: Math.round(performance.now() - started) };
  }

  /** The number of `id`, interned on first sight. */
  private node(id: string): number {
    let i = this.numbers.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.numbers.set(id, i);
    }
    return i;
  }

  private key(name: string): number {
    let k = this.keyNumbers.get(name);
    if (k === undefined) {
      k = this.keyNames.length;
      this.keyNames.push(name);
      this.keyNumbers.set(name, k);
    }
    return k;
  }

  /**
   * Keys per node. Layer rows list one entry per IN_LAYER link, so they `add` up; service rows may
   * repeat a service with identical lists, so the last `replace`s.
   */
  private keyList(n: number, entries: readonly (readonly [number, readonly string[]])[], mode: 'add' | 'replace'): Keys {
    const per = new Map<number, number[]>();
    for (const [node, names] of entries) {
      const keys = names.map((x) => this.key(x));
      const list = per.get(node);
      if (list && mode === 'add') list.push(...keys);
      else per.set(node, keys);
    }
    const start = new Int32Array(n + 1);
    for (const [node, keys] of per) start[node + 1] = keys.length;
    for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
    const keys = new Int32Array(start[n] as number);
    for (const [node, list] of per) keys.set(list, start[node] as number);
    return { start, keys };
  }

  /** The number of `id`, or -1 when the index has no link of it. */
  numberOf(id: string): number {
    return this.numbers.get(id) ?? -1;
  }

  /**
   * Breadth-first from `origin` over incoming DEPENDS_ON and IMPLEMENTS whose evidence code is at most
   * `maxEvidence`, at most `maxDepth` hops: the distance of every node reached (-1: not reached).
   */
  distances(origin: number, maxDepth: number, maxEvidence: EvidenceCode, into?: Int32Array): Int32Array {
    const dist = into ? into.fill(-1) : new Int32Array(this.ids.length).fill(-1);
    if (origin < 0) return dist;
    const { start, to, evidence } = this.dependents;
    let frontier = [origin];
    dist[origin] = 0;
    for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const x of frontier) {
        checkpoint();
        for (let j = start[x] as number, end = start[x + 1] as number; j < end; j++) {
          if ((evidence[j] as number) > maxEvidence) continue;
          const y = to[j] as number;
          if (dist[y] !== -1) continue;
          dist[y] = depth;
          next.push(y);
        }
      }
      frontier = next;
    }
    return dist;
  }

  isComponent(i: number): boolean {
    return this.component[i] === 1;
  }

  private readonly buffers = new Map<string, Int32Array | Uint8Array>();

  /**
   * A typed array of one per node, kept for the next call (a worker runs one job at a time): an
   * impact over a Germany-sized graph then allocates no megabytes per call for the collector to free.
   * Its content is whatever the last user left; callers fill what they read.
   */
  scratch(name: string, kind: 'int32' | 'uint8'): Int32Array | Uint8Array {
    let b = this.buffers.get(name);
    if (!b) {
      b = kind === 'int32' ? new Int32Array(this.ids.length) : new Uint8Array(this.ids.length);
      this.buffers.set(name, b);
    }
    return b;
  }

  /** The incoming USES of every node as compressed rows: the services using node i are `to[start[i]..start[i+1]]`. */
  get usersOf(): Readonly<Adjacency> {
    return this.users;
  }

  /** One of the group lists as compressed rows: the keys of node i are `keys[start[i]..start[i+1]]`. */
  keyRows(group: 'layers' | 'levels' | 'topics' | 'lifeSituations'): Readonly<Keys> {
    return this[group];
  }
}

/** Builds a compressed adjacency list: for every link j that `keep`s, `at[j]` gets the neighbour `other[j]`, in input order. */
function adjacency(n: number, at: Int32Array, other: Int32Array, evidenceOf: Uint8Array, keep: (j: number) => boolean): Adjacency {
  const start = new Int32Array(n + 1);
  let kept = 0;
  for (let j = 0; j < at.length; j++) {
    if (!keep(j)) continue;
    start[(at[j] as number) + 1] = (start[(at[j] as number) + 1] as number) + 1;
    kept++;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const to = new Int32Array(kept);
  const evidence = new Uint8Array(kept);
  for (let j = 0; j < at.length; j++) {
    if (!keep(j)) continue;
    const a = at[j] as number;
    const pos = fill[a] as number;
    to[pos] = other[j] as number;
    evidence[pos] = evidenceOf[j] as number;
    fill[a] = pos + 1;
  }
  return { start, to, evidence };
}
