import { checkpoint } from '../cpu/checkpoint';
import { buildUseGraph, severities, type SeverityHit, type UseEdge } from './engine';
import type { WhatIfModel } from './model';
import { TraversalIndex, type TraversalIndexStats } from '../traversal/TraversalIndex';
import { impactHits, type ImpactHits, type ImpactHitsArgs } from '../traversal/impactHits';
import { RISK_KINDS, chainsFrom, risksOf, servicesReaching, type ItemRiskFacts, type RiskKind } from './risks';
import { simulate, type GroupDelta, type RequirementChange } from './simulate';
import type { LostRole, State } from './engine';

/** A service with its OZG services (one per PART_OF link) and executing levels. */
export interface WhatIfServiceRow {
  readonly id: string;
  readonly ozs: string[];
  readonly levels: string[];
}

/** The OZG catalogue's hierarchy above services: life situations per OZG service, topics per life situation. */
export interface WhatIfHierarchy {
  readonly ozs: readonly { id: string; lifeSituations: string[] }[];
  readonly lifeSituations: readonly { id: string; topics: string[] }[];
}

/** What the what-if model is built from: the rows of four queries of one graph version (plain data, cloneable). */
export interface WhatIfRows {
  readonly edges: readonly UseEdge[];
  readonly risks: readonly ItemRiskFacts[];
  readonly groups: { readonly services: readonly WhatIfServiceRow[]; readonly layers: readonly { id: string; layer: string }[] } & WhatIfHierarchy;
  readonly requirements: readonly { id: string; level: string; targets: string[]; appliesTo: string[] }[];
}

/** Builds the in-memory model of one graph version from its rows. */
export function buildWhatIfModel(rows: WhatIfRows, version: number): WhatIfModel {
  const layersOf = new Map<string, string[]>();
  for (const l of rows.groups.layers) layersOf.set(l.id, [...(layersOf.get(l.id) ?? []), l.layer]);
  const services = serviceGroups(rows.groups);
  return {
    graph: buildUseGraph(rows.edges),
    topicOf: new Map(services.map((x) => [x.id, x.topics[0] ?? null])),
    levelsOf: new Map(services.map((x) => [x.id, x.levels])),
    layersOf,
    requirements: rows.requirements,
    risks: rows.risks,
    riskById: new Map(rows.risks.map((r) => [r.id, r])),
    version,
    edgeCount: rows.edges.length,
    traversal: lazyTraversalIndex(() => new TraversalIndex({ edges: rows.edges, services, layers: rows.groups.layers }, version)),
  };
}

/**
 * The traversal index of a model, built on first use (the first impact on this worker, or the pool's
 * warm-up job), so that a what-if alone never pays for it.
 */
export function lazyTraversalIndex(build: () => TraversalIndex): WhatIfModel['traversal'] {
  let index: TraversalIndex | null = null;
  return {
    get: () => (index ??= build()),
    built: () => index,
  };
}

/**
 * Each service's topics (each once, by id; the first is the what-if's topic of the service), its life
 * situations (one per path service -> OZG service -> life situation) and its executing levels.
 */
export function serviceGroups(groups: WhatIfRows['groups']): { id: string; topics: string[]; lifeSituations: string[]; levels: string[] }[] {
  const lifeSituationsOf = new Map(groups.ozs.map((o) => [o.id, o.lifeSituations]));
  const topicsOf = new Map(groups.lifeSituations.map((l) => [l.id, l.topics]));
  return groups.services.map((s) => {
    const lifeSituations = s.ozs.flatMap((oz) => lifeSituationsOf.get(oz) ?? []);
    const topics = [...new Set(lifeSituations.flatMap((ls) => topicsOf.get(ls) ?? []))].sort();
    return { id: s.id, topics, lifeSituations, levels: s.levels };
  });
}

/** The counts of a what-if. */
export interface SimulationSummary {
  readonly brokenServices: number;
  readonly degradedServices: number;
  readonly recoveredServices: number;
  readonly brokenComponents: number;
  readonly degradedComponents: number;
  readonly recoveredComponents: number;
  readonly requirementsViolated: number;
  readonly requirementsMet: number;
}

/** Which lists of a what-if the query selected: only those cross back from the worker. */
export interface SimulationWants {
  readonly changes: boolean;
  readonly requirements: boolean;
  readonly groups: boolean;
}

/**
 * The answer of a what-if, as the resolvers need it: the summary always, the lists the query asked
 * for (empty otherwise), `changes` already sorted (newly broken first). No internal sets: it crosses
 * a thread, and what crosses is copied on the event loop, so it is kept to what is used.
 */
export interface SimulationResult {
  readonly summary: SimulationSummary;
  readonly lostToday: readonly string[];
  readonly changes: readonly { id: string; label: string; before: State; after: State; lostRoles: readonly LostRole[] }[];
  readonly requirements: readonly RequirementChange[];
  readonly byTopic: readonly GroupDelta[];
  readonly byLevel: readonly GroupDelta[];
  readonly byLayer: readonly GroupDelta[];
}

const RANK: Readonly<Record<State, number>> = { broken: 0, degraded: 1, ok: 2 };

export interface InheritedRiskRow {
  readonly kind: RiskKind;
  readonly item: string;
  readonly detail: string;
  readonly path: string[];
}

export interface RiskReachResult {
  readonly items: string[];
  readonly all: { service: string; path: string[]; item: string }[];
}

/**
 * The CPU work of the what-if domain, run in a CPU worker (src/cpu/) on the model of one graph
 * version: each a pure function of the model and plain arguments returning plain data.
 */
export const whatIfTasks = {
  simulate(model: WhatIfModel, args: { removals: string[]; replacements: { from: string; to: string }[]; today: string; wants: SimulationWants }): SimulationResult {
    const sim = simulate(model, { removals: args.removals, replacements: args.replacements }, args.today);
    const n = { brokenServices: 0, degradedServices: 0, recoveredServices: 0, brokenComponents: 0, degradedComponents: 0, recoveredComponents: 0 };
    for (const c of sim.changes) {
      checkpoint();
      const kind = c.label === 'Service' ? 'Services' : c.label === 'Component' ? 'Components' : null;
      if (!kind) continue;
      if (c.after === 'broken') n[`broken${kind}`] += 1;
      else if (c.after === 'degraded') n[`degraded${kind}`] += 1;
      if (c.after === 'ok' || (c.before === 'broken' && c.after === 'degraded')) n[`recovered${kind}`] += 1;
    }
    const summary: SimulationSummary = {
      ...n,
      requirementsViolated: sim.requirements.filter((r) => r.after === 'violated').length,
      requirementsMet: sim.requirements.filter((r) => r.after === 'met').length,
    };
    const { wants } = args;
    return {
      summary,
      lostToday: sim.lostToday,
      changes: wants.changes ? [...sim.changes].sort((a, b) => (checkpoint(), RANK[a.after] - RANK[b.after] || (a.id < b.id ? -1 : 1))) : [],
      requirements: wants.requirements ? sim.requirements : [],
      byTopic: wants.groups ? sim.byTopic : [],
      byLevel: wants.groups ? sim.byLevel : [],
      byLayer: wants.groups ? sim.byLayer : [],
    };
  },
  severity(model: WhatIfModel, args: { origin: string; maxDepth: number }): SeverityHit[] {
    return severities(model.graph, [args.origin], args.maxDepth);
  },
  risks(model: WhatIfModel, args: { serviceId: string; maxDepth: number; today: string }): InheritedRiskRow[] {
    return riskList(model, args.serviceId, args.maxDepth, args.today);
  },
  /** The topology part of an impact report, from the traversal index. */
  impact(model: WhatIfModel, args: ImpactHitsArgs): ImpactHits {
    return { ...impactHits(model.traversal.get(), args), originLabel: model.riskById.get(args.origin)?.label ?? null };
  },
  /** Size and build time of the traversal index of the model's version. */
  indexStats(model: WhatIfModel): TraversalIndexStats {
    return model.traversal.get().stats;
  },
  riskReach(model: WhatIfModel, args: { kind: RiskKind; item: string | null; maxDepth: number; today: string }): RiskReachResult {
    let items = model.risks.filter((f) => risksOf(f, args.today).some((r) => r.kind === args.kind)).map((f) => f.id);
    if (args.item) items = items.includes(args.item) ? [args.item] : [];
    items.sort();
    const reached = servicesReaching(model.graph, items, args.maxDepth);
    const all = [...reached].map(([service, path]) => ({ service, path, item: path[path.length - 1] as string })).sort((a, b) => a.path.length - b.path.length || (a.service < b.service ? -1 : 1));
    return { items, all };
  },
} as const;

export type WhatIfTaskName = keyof typeof whatIfTasks;

/** The risks a service inherits: for every item it depends on within maxDepth, that item's risks with the chain. */
export function riskList(model: WhatIfModel, serviceId: string, maxDepth: number, today: string): InheritedRiskRow[] {
  const out: InheritedRiskRow[] = [];
  for (const [item, path] of chainsFrom(model.graph, serviceId, maxDepth)) {
    const f = model.riskById.get(item);
    if (!f) continue;
    for (const r of risksOf(f, today)) out.push({ ...r, path });
  }
  return out.sort((a, b) => a.path.length - b.path.length || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}

export { RISK_KINDS };
