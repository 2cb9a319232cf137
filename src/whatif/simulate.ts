import { checkpoint } from '../cpu/checkpoint';
import { compare, type Change, type Comparison, type Outcome, type UseGraph } from './engine';
import { lostToday } from './risks';
import type { WhatIfModel } from './model';

/** A requirement's status for one service, before and after a change. */
export interface RequirementChange {
  readonly requirement: string;
  readonly service: string;
  readonly before: 'met' | 'violated';
  readonly after: 'met' | 'violated';
  /** Required items the service no longer (or now) reaches. */
  readonly missing: readonly string[];
}

/** Broken and degraded counts of a group before and after. */
export interface GroupDelta {
  readonly key: string;
  readonly brokenBefore: number;
  readonly brokenAfter: number;
  readonly degradedBefore: number;
  readonly degradedAfter: number;
}

export interface Simulation extends Comparison {
  readonly lostToday: readonly string[];
  readonly requirements: readonly RequirementChange[];
  readonly byTopic: readonly GroupDelta[];
  readonly byLevel: readonly GroupDelta[];
  readonly byLayer: readonly GroupDelta[];
}

/** How far a requirement's target may be from a service: its uses, then DEPENDS_ON/IMPLEMENTS (as compliance reads it). */
const REQUIREMENT_HOPS = 7;

/** What a service reaches under a change (uses redirected to replacements; removed items not reached). */
function reachable(graph: UseGraph, start: string, change: Change): Set<string> {
  const replaced = new Map(change.replacements.filter((r) => r.from !== r.to).map((r) => [r.from, r.to] as const));
  const removed = new Set(change.removals);
  const seen = new Set<string>();
  let frontier = [start];
  for (let d = 0; d < REQUIREMENT_HOPS && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const x of frontier) {
      for (const e of graph.usesOf.get(x) ?? []) {
        checkpoint();
        const t = replaced.get(e.to) ?? e.to;
        if (removed.has(t) || seen.has(t)) continue;
        seen.add(t);
        next.push(t);
      }
    }
    frontier = next;
  }
  return seen;
}

/** Requirements newly met or violated for the services they apply to. */
function requirementChanges(model: WhatIfModel, change: Change): RequirementChange[] {
  const out: RequirementChange[] = [];
  const none: Change = { removals: [], replacements: [] };
  const cache = new Map<string, { before: Set<string>; after: Set<string> }>();
  const reach = (s: string): { before: Set<string>; after: Set<string> } => {
    let r = cache.get(s);
    if (!r) cache.set(s, (r = { before: reachable(model.graph, s, none), after: reachable(model.graph, s, change) }));
    return r;
  };
  for (const req of model.requirements) {
    if (req.targets.length === 0) continue;
    const services = new Set<string>();
    for (const a of req.appliesTo) {
      if (model.graph.labelOf.get(a) === 'Service' || model.topicOf.has(a)) services.add(a);
      for (const e of model.graph.consumersOf.get(a) ?? []) if (e.fromLabel === 'Service' && e.type === 'USES') services.add(e.from);
    }
    for (const s of [...services].sort()) {
      checkpoint();
      const r = reach(s);
      const missingBefore = req.targets.filter((t) => !r.before.has(t));
      const missingAfter = req.targets.filter((t) => !r.after.has(t));
      const before = missingBefore.length === 0 ? 'met' : 'violated';
      const after = missingAfter.length === 0 ? 'met' : 'violated';
      if (before !== after) out.push({ requirement: req.id, service: s, before, after, missing: after === 'violated' ? missingAfter : missingBefore });
    }
  }
  return out;
}

function deltas(keysOf: (id: string) => readonly string[], ids: Iterable<string>, today: Outcome, after: Outcome): GroupDelta[] {
  const m = new Map<string, { brokenBefore: number; brokenAfter: number; degradedBefore: number; degradedAfter: number }>();
  for (const id of ids) {
    checkpoint();
    const b0 = today.broken.has(id);
    const b1 = after.broken.has(id);
    const d0 = !b0 && today.degraded.has(id);
    const d1 = !b1 && after.degraded.has(id);
    if (!b0 && !b1 && !d0 && !d1) continue;
    for (const k of keysOf(id)) {
      const g = m.get(k) ?? { brokenBefore: 0, brokenAfter: 0, degradedBefore: 0, degradedAfter: 0 };
      g.brokenBefore += b0 ? 1 : 0;
      g.brokenAfter += b1 ? 1 : 0;
      g.degradedBefore += d0 ? 1 : 0;
      g.degradedAfter += d1 ? 1 : 0;
      m.set(k, g);
    }
  }
  return [...m]
    .map(([key, g]) => ({ key, ...g }))
    .filter((g) => g.brokenBefore !== g.brokenAfter || g.degradedBefore !== g.degradedAfter)
    .sort((a, b) => b.brokenAfter - b.brokenBefore - (a.brokenAfter - a.brokenBefore) || (a.key < b.key ? -1 : 1));
}

/** A what-if: the change against today, with requirements and the groups it moves. */
export function simulate(model: WhatIfModel, change: Change, today: string): Simulation {
  const lost = lostToday(model.risks, today);
  const c = compare(model.graph, change, lost);
  const touched = new Set([...c.today.broken.keys(), ...c.today.degraded.keys(), ...c.after.broken.keys(), ...c.after.degraded.keys()]);
  const services = [...touched].filter((id) => model.graph.labelOf.get(id) === 'Service');
  const components = [...touched].filter((id) => model.graph.labelOf.get(id) === 'Component');
  return {
    ...c,
    lostToday: [...lost].sort(),
    requirements: requirementChanges(model, change),
    byTopic: deltas((id) => { const t = model.topicOf.get(id); return t ? [t] : []; }, services, c.today, c.after),
    byLevel: deltas((id) => model.levelsOf.get(id) ?? [], services, c.today, c.after),
    byLayer: deltas((id) => model.layersOf.get(id) ?? [], components, c.today, c.after),
  };
}
