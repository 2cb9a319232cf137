/** Random graphs with roles and redundancy, and the plain reference computations of severity and what-if. */

import { rng } from './random';

export { rng };

export interface Edge {
  type: 'USES' | 'DEPENDS_ON' | 'IMPLEMENTS';
  from: string;
  to: string;
  role: string | null;
  need: number | null;
  optional: boolean;
}

export interface RandomGraph {
  components: string[];
  standards: string[];
  services: string[];
  edges: Edge[];
}

/**
 * A random layered dependency graph with roles: a consumer uses some providers for a role with
 * two or three alternatives and needs one or two of them (n of m), some dependencies are optional.
 */
export function randomGraph(prefix: string, seed: number): RandomGraph {
  const r = rng(seed);
  const components = Array.from({ length: 20 }, (_, i) => `${prefix}-c${String(i).padStart(2, '0')}`);
  const standards = Array.from({ length: 4 }, (_, i) => `${prefix}-s${i}`);
  const services = Array.from({ length: 18 }, (_, i) => `${prefix}-v${String(i).padStart(2, '0')}`);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const edges = new Map<string, Edge>();
  // A use in a role replaces a plain use of the same provider (every provider of a role is counted).
  const add = (e: Edge): void => {
    const k = `${e.type}|${e.from}|${e.to}`;
    if (e.from !== e.to && (!edges.has(k) || e.role !== null)) edges.set(k, e);
  };
  // Components depend "downhill" (some cycles), some optionally; some uses come in role groups.
  for (const c of components) {
    const n = Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const to = pick(components);
      if (to < c || r() < 0.1) add({ type: 'DEPENDS_ON', from: c, to, role: null, need: null, optional: r() < 0.2 });
    }
    if (r() < 0.4) {
      const group = [pick(components), pick(components), pick(components)].filter((x) => x < c);
      const unique = [...new Set(group)];
      if (unique.length >= 2) {
        const need = r() < 0.3 ? 2 : 1;
        for (const to of unique) add({ type: 'DEPENDS_ON', from: c, to, role: `test-role-${c}`, need: Math.min(need, unique.length), optional: false });
      }
    }
    if (r() < 0.3) add({ type: 'IMPLEMENTS', from: c, to: pick(standards), role: null, need: null, optional: false });
  }
  for (const v of services) {
    const n = 1 + Math.floor(r() * 2);
    for (let i = 0; i < n; i++) add({ type: 'USES', from: v, to: r() < 0.85 ? pick(components) : pick(standards), role: null, need: null, optional: false });
    if (r() < 0.5) {
      const unique = [...new Set([pick(components), pick(components), pick(components)])];
      if (unique.length >= 2) {
        const need = r() < 0.3 ? 2 : 1;
        for (const to of unique) add({ type: 'USES', from: v, to, role: 'test-role-account', need: Math.min(need, unique.length), optional: false });
      }
    }
  }
  return { components, standards, services, edges: [...edges.values()] };
}

export type State = 'broken' | 'degraded' | 'ok';

/**
 * The reference: plain repeated passes until nothing changes. Replaced items' uses go to the
 * replacement; removed and replaced items are lost; a consumer is lost when one of its roles (a use
 * without role is a role of its own; IMPLEMENTS is no need) keeps fewer live providers than it needs
 * (optional: 0). Degraded: not lost, but a role lost a provider.
 */
export function reference(g: RandomGraph, removals: string[], replacements: [string, string][], lostToday: string[] = []): Map<string, State> {
  const repl = new Map(replacements.filter(([a, b]) => a !== b));
  const lost = new Set([...lostToday, ...removals, ...repl.keys()]);
  const initial = new Set(lost);
  const consumers = [...new Set(g.edges.map((e) => e.from))];
  const roles = (c: string): { providers: Set<string>; need: number }[] => {
    const m = new Map<string, { providers: Set<string>; need: number }>();
    for (const e of g.edges) {
      if (e.from !== c || e.type === 'IMPLEMENTS') continue;
      const key = e.role ?? `single:${e.to}`;
      const x = m.get(key) ?? { providers: new Set<string>(), need: 0 };
      x.providers.add(repl.get(e.to) ?? e.to);
      x.need = Math.max(x.need, e.need ?? (e.optional ? 0 : 1));
      m.set(key, x);
    }
    return [...m.values()].map((x) => ({ providers: x.providers, need: x.need }));
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of consumers) {
      if (lost.has(c)) continue;
      if (roles(c).some((x) => [...x.providers].filter((p) => !lost.has(p)).length < x.need)) {
        lost.add(c);
        changed = true;
      }
    }
  }
  const out = new Map<string, State>();
  for (const c of consumers) {
    if (initial.has(c)) continue;
    if (lost.has(c)) out.set(c, 'broken');
    else if (roles(c).some((x) => [...x.providers].some((p) => lost.has(p)))) out.set(c, 'degraded');
  }
  return out;
}

/** Hits and distances as impactAnalysis reads them (components over DEPENDS_ON/IMPLEMENTS, services 1 + nearest). */
export function reachRef(g: RandomGraph, origin: string, maxDepth: number): Map<string, number> {
  const dist = new Map([[origin, 0]]);
  let frontier = [origin];
  for (let d = 1; d <= maxDepth; d++) {
    const next: string[] = [];
    for (const e of g.edges) {
      if (e.type === 'USES' || !frontier.includes(e.to) || dist.has(e.from)) continue;
      dist.set(e.from, d);
      next.push(e.from);
    }
    frontier = next;
  }
  const out = new Map([...dist].filter(([id]) => id !== origin));
  for (const e of g.edges) {
    if (e.type !== 'USES' || !dist.has(e.to)) continue;
    const d = (dist.get(e.to) as number) + 1;
    if ((out.get(e.from) ?? Infinity) > d) out.set(e.from, d);
  }
  return out;
}

