import { checkpoint } from '../cpu/checkpoint';
import type { Severity } from '../model';

/** One edge of the use graph: a consumer (service or component) and what it uses, needs or implements. */
export interface UseEdge {
  readonly from: string;
  readonly fromLabel: 'Service' | 'Component';
  readonly type: 'USES' | 'DEPENDS_ON' | 'IMPLEMENTS';
  readonly to: string;
  /** The role the provider serves (uses of one role are alternatives); null = a role of its own. */
  readonly role: string | null;
  /** How many providers of the role the consumer needs (default 1). */
  readonly need: number | null;
  /** `optional` DEPENDS_ON: losing it degrades, never breaks. */
  readonly optional: boolean;
  readonly roleName?: string | null;
  /** The link's evidence (the traversal index keeps it; the what-if ignores it). */
  readonly evidence?: string | null;
}

/** The uses of every consumer and, reversed, who uses, needs or implements each node. */
export interface UseGraph {
  readonly usesOf: ReadonlyMap<string, readonly UseEdge[]>;
  readonly consumersOf: ReadonlyMap<string, readonly UseEdge[]>;
  readonly labelOf: ReadonlyMap<string, string>;
}

export function buildUseGraph(edges: readonly UseEdge[]): UseGraph {
  const usesOf = new Map<string, UseEdge[]>();
  const consumersOf = new Map<string, UseEdge[]>();
  const labelOf = new Map<string, string>();
  const push = (m: Map<string, UseEdge[]>, k: string, e: UseEdge): void => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const e of edges) {
    push(usesOf, e.from, e);
    push(consumersOf, e.to, e);
    labelOf.set(e.from, e.fromLabel);
  }
  return { usesOf, consumersOf, labelOf };
}

/** A change: items removed, and items replaced by others (their uses go to the replacement). */
export interface Change {
  readonly removals: readonly string[];
  readonly replacements: readonly { readonly from: string; readonly to: string }[];
}

/** What a consumer needs: per role the providers (after replacements) and how many it needs. */
interface Need {
  readonly role: string;
  readonly roleName: string | null;
  readonly providers: readonly string[];
  readonly need: number;
}

/** The needs of a consumer: IMPLEMENTS is no need; a use without a role is a role of its own. */
export function needsOf(uses: readonly UseEdge[], replaced: ReadonlyMap<string, string> = new Map()): Need[] {
  const groups = new Map<string, { roleName: string | null; providers: Set<string>; need: number }>();
  for (const u of uses) {
    if (u.type === 'IMPLEMENTS') continue;
    const provider = replaced.get(u.to) ?? u.to;
    const key = u.role ?? `single:${u.to}`;
    const g = groups.get(key) ?? { roleName: u.roleName ?? null, providers: new Set<string>(), need: 0 };
    g.providers.add(provider);
    // A stated need counts; otherwise an optional dependency is not needed, anything else once.
    g.need = Math.max(g.need, u.need ?? (u.optional ? 0 : 1));
    groups.set(key, g);
  }
  return [...groups].map(([role, g]) => ({ role, roleName: g.roleName, providers: [...g.providers].sort(), need: g.need }));
}

/** A role a consumer lost providers of. */
export interface LostRole {
  readonly role: string;
  readonly roleName: string | null;
  readonly lost: readonly string[];
  readonly left: readonly string[];
  readonly need: number;
}

/** What a change breaks and degrades: the fixpoint of "a consumer is broken when a role it needs keeps too few providers". */
export interface Outcome {
  /** Removed or replaced items and every consumer broken by them (transitively). */
  readonly lost: ReadonlySet<string>;
  readonly broken: ReadonlyMap<string, readonly LostRole[]>;
  readonly degraded: ReadonlyMap<string, readonly LostRole[]>;
}

/**
 * Applies a change to the use graph: removed items and replaced items are lost; every use of a
 * replaced item goes to its replacement instead (same role); then, until nothing changes, a consumer
 * with a role of fewer live providers than it needs is broken and lost as well. A consumer that lost
 * providers but keeps enough in every role (or lost an optional one) is degraded.
 */
export function applyChange(graph: UseGraph, change: Change, lostToday: ReadonlySet<string> = new Set()): Outcome {
  const replaced = new Map<string, string>();
  for (const r of change.replacements) if (r.from !== r.to) replaced.set(r.from, r.to);
  const lost = new Set<string>([...lostToday, ...change.removals, ...replaced.keys()]);
  // A replacement that is itself lost does not save anyone.
  const removedDirectly = new Set(lost);
  const broken = new Map<string, LostRole[]>();
  // The consumers of a node, including those of the items it replaces (their uses now go to it).
  const takenOver = new Map<string, string[]>();
  for (const [from, to] of replaced) takenOver.set(to, [...(takenOver.get(to) ?? []), from]);
  const consumers = (x: string): UseEdge[] => [...(graph.consumersOf.get(x) ?? []), ...(takenOver.get(x) ?? []).flatMap((f) => graph.consumersOf.get(f) ?? [])];
  // Only consumers of lost nodes can change: a worklist over them.
  const queue = [...lost];
  const check = (c: string): void => {
    if (lost.has(c)) return;
    const needs = needsOf(graph.usesOf.get(c) ?? [], replaced);
    const failing = needs
      .map((n) => ({ n, left: n.providers.filter((p) => !lost.has(p)) }))
      .filter(({ n, left }) => left.length < n.need)
      .map(({ n, left }) => ({ role: n.role, roleName: n.roleName, lost: n.providers.filter((p) => lost.has(p)), left, need: n.need }));
    if (failing.length > 0) {
      broken.set(c, failing);
      lost.add(c);
      queue.push(c);
    }
  };
  // An index instead of shift(): shift is linear, and the queue holds every lost node.
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i] as string;
    for (const e of consumers(x)) {
      checkpoint();
      check(e.from);
    }
  }
  const degraded = new Map<string, LostRole[]>();
  for (const x of lost) {
    for (const e of consumers(x)) {
      checkpoint();
      const c = e.from;
      if (lost.has(c) || degraded.has(c)) continue;
      const roles = needsOf(graph.usesOf.get(c) ?? [], replaced)
        .filter((n) => n.providers.some((p) => lost.has(p)))
        .map((n) => ({ role: n.role, roleName: n.roleName, lost: n.providers.filter((p) => lost.has(p)), left: n.providers.filter((p) => !lost.has(p)), need: n.need }));
      if (roles.length > 0) degraded.set(c, roles);
    }
  }
  for (const id of removedDirectly) broken.delete(id);
  return { lost, broken, degraded };
}

/**
 * Everything that depends on the origins within `maxDepth`, with its distance: components over
 * DEPENDS_ON and IMPLEMENTS (hops), services 1 + the nearest used component or standard (services
 * pass nothing on).
 */
export function reach(graph: UseGraph, origins: readonly string[], maxDepth: number): Map<string, number> {
  const dist = new Map<string, number>();
  let frontier = [...new Set(origins)];
  for (const o of frontier) dist.set(o, 0);
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const e of graph.consumersOf.get(x) ?? []) {
        checkpoint();
        if (e.fromLabel !== 'Component' || e.type === 'USES' || dist.has(e.from)) continue;
        dist.set(e.from, d);
        next.push(e.from);
      }
    }
    frontier = next;
  }
  // Services: 1 + the nearest component (or origin) they use.
  const services = new Map<string, number>();
  for (const [x, d] of dist) {
    for (const e of graph.consumersOf.get(x) ?? []) {
      if (e.fromLabel !== 'Service' || e.type !== 'USES') continue;
      const s = d + 1;
      if ((services.get(e.from) ?? Infinity) > s) services.set(e.from, s);
    }
  }
  for (const o of origins) dist.delete(o);
  for (const [s, d] of services) dist.set(s, d);
  return dist;
}

/** A hit of an impact, with its severity. */
export interface SeverityHit {
  readonly id: string;
  readonly label: string;
  readonly distance: number;
  readonly severity: Severity;
  readonly lostRoles: readonly LostRole[];
}

const RANK: Readonly<Record<Severity, number>> = { broken: 0, degraded: 1, reached: 2 };

/** The impact of removing the origins with the severity of every hit, broken first, then by distance and id. */
export function severities(graph: UseGraph, origins: readonly string[], maxDepth: number): SeverityHit[] {
  const outcome = applyChange(graph, { removals: origins, replacements: [] });
  const hits: SeverityHit[] = [];
  for (const [id, distance] of reach(graph, origins, maxDepth)) {
    checkpoint();
    const b = outcome.broken.get(id);
    const d = outcome.degraded.get(id);
    hits.push({ id, label: graph.labelOf.get(id) ?? 'Component', distance, severity: b ? 'broken' : d ? 'degraded' : 'reached', lostRoles: b ?? d ?? [] });
  }
  return hits.sort((a, b) => (checkpoint(), RANK[a.severity] - RANK[b.severity]) || a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The state of a consumer under a change. */
export type State = 'broken' | 'degraded' | 'ok';

/** How a change compares with today for every consumer whose state differs. */
export interface Comparison {
  readonly today: Outcome;
  readonly after: Outcome;
  readonly changes: readonly { readonly id: string; readonly label: string; readonly before: State; readonly after: State; readonly lostRoles: readonly LostRole[] }[];
}

/**
 * What-if: the states of all consumers under the change compared with today (today some items may
 * already be lost: retired or past their end of support). A consumer is newly broken, newly
 * degraded, or recovered (broken or degraded today, fine or better after).
 */
export function compare(graph: UseGraph, change: Change, lostToday: ReadonlySet<string>): Comparison {
  const today = applyChange(graph, { removals: [], replacements: [] }, lostToday);
  const after = applyChange(graph, change, lostToday);
  const stateOf = (o: Outcome, id: string): State => (o.broken.has(id) ? 'broken' : o.degraded.has(id) ? 'degraded' : 'ok');
  const ids = new Set([...today.broken.keys(), ...today.degraded.keys(), ...after.broken.keys(), ...after.degraded.keys()]);
  const changes = [];
  for (const id of [...ids].sort()) {
    checkpoint();
    if (isRemoved(change, id)) continue;
    const before = stateOf(today, id);
    const now = stateOf(after, id);
    if (before !== now) changes.push({ id, label: graph.labelOf.get(id) ?? 'Component', before, after: now, lostRoles: after.broken.get(id) ?? after.degraded.get(id) ?? [] });
  }
  return { today, after, changes };
}

function isRemoved(change: Change, id: string): boolean {
  return change.removals.includes(id) || change.replacements.some((r) => r.from === id && r.to !== id);
}
