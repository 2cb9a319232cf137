import type { Context } from '../context';
import { InputError, NotFoundError } from '../errors';
import type { Resolvers } from '../generated/graphql';
import type { NodeRecord } from '../graph/records';
import { checkRange, decodeCursor, encodeCursor } from '../graph/validate';
import type { LostRole, SeverityHit } from './engine';
import type { WhatIfModel } from './loaders';
import { RISK_KINDS, chainsFrom, risksOf, servicesReaching, type RiskKind } from './risks';
import { simulate } from './simulate';

const today = (): string => new Date().toISOString().slice(0, 10);
const nodeOf = (id: string, ctx: Context): Promise<NodeRecord | null> => ctx.loaders.graph.nodeById.load(id);
const nodesOf = async (ids: readonly string[], ctx: Context): Promise<NodeRecord[]> =>
  (await ctx.loaders.graph.nodeById.loadMany([...ids])).filter((n): n is NodeRecord => n !== null && !(n instanceof Error));

function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }): { items: T[]; skip: number } {
  const first = checkRange('first', args.first, 1, 1000, 100);
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { items: items.slice(skip, skip + first), skip };
}

function count(hits: readonly SeverityHit[], label: string) {
  const of = hits.filter((h) => h.label === label);
  return { broken: of.filter((h) => h.severity === 'broken').length, degraded: of.filter((h) => h.severity === 'degraded').length, reached: of.filter((h) => h.severity === 'reached').length };
}

async function checkIds(ids: readonly string[], name: string, ctx: Context, labels = ['Component', 'Standard']): Promise<void> {
  const found = await ctx.loaders.graph.nodeById.loadMany([...ids]);
  ids.forEach((id, i) => {
    const n = found[i];
    if (!n || n instanceof Error) throw new NotFoundError(`No node has the id "${id}"`, { argument: name });
    if (!labels.includes(n.label)) throw new InputError(`${name}: "${id}" is a ${n.label}; only ${labels.join(' and ')} can be ${name === 'removals' ? 'removed' : 'replaced'}`, { argument: name });
  });
}

/** Resolvers of schema/whatif.graphql. */
export function whatIfResolvers(): Resolvers {
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: {
      simulateChange: async (_p: unknown, args: { removals?: string[] | null; replacements?: { from: string; to: string }[] | null }, ctx: Context) => {
        const removals = [...new Set(args.removals ?? [])];
        const replacements = args.replacements ?? [];
        if (removals.length > 50 || replacements.length > 50) throw new InputError('at most 50 removals and 50 replacements at once', { argument: 'removals' });
        if (removals.length === 0 && replacements.length === 0) throw new InputError('name at least one removal or replacement', { argument: 'removals' });
        const from = replacements.map((r) => r.from);
        if (new Set(from).size !== from.length) throw new InputError('replacements: an item can be replaced by one other item only', { argument: 'replacements' });
        const both = removals.filter((r) => from.includes(r));
        if (both.length > 0) throw new InputError(`"${both[0]}" is both removed and replaced; say one`, { argument: 'replacements' });
        await checkIds(removals, 'removals', ctx);
        await checkIds([...from, ...replacements.map((r) => r.to)], 'replacements', ctx);
        const model = await ctx.loaders.whatif.model();
        const sim = simulate(model, { removals, replacements }, today());
        const changed = (label: string, state: 'broken' | 'degraded') => sim.changes.filter((c) => c.label === label && c.after === state).length;
        const recovered = (label: string) => sim.changes.filter((c) => c.label === label && (c.after === 'ok' || (c.before === 'broken' && c.after === 'degraded'))).length;
        const rank = { broken: 0, degraded: 1, ok: 2 } as const;
        return {
          removals,
          replacements,
          lostToday: sim.lostToday,
          summary: {
            brokenServices: changed('Service', 'broken'),
            degradedServices: changed('Service', 'degraded'),
            recoveredServices: recovered('Service'),
            brokenComponents: changed('Component', 'broken'),
            degradedComponents: changed('Component', 'degraded'),
            recoveredComponents: recovered('Component'),
            requirementsViolated: sim.requirements.filter((r) => r.after === 'violated').length,
            requirementsMet: sim.requirements.filter((r) => r.after === 'met').length,
          },
          changes: [...sim.changes].sort((a, b) => rank[a.after] - rank[b.after] || (a.id < b.id ? -1 : 1)),
          requirements: sim.requirements,
          byTopic: sim.byTopic,
          byExecutingLevel: sim.byLevel.map((g) => ({ ...g, level: true })),
          byLayer: sim.byLayer,
        };
      },
      risks: async (_p: unknown, args: { serviceId: string; maxDepth?: number | null }, ctx: Context) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, 10, 6);
        const service = await nodeOf(args.serviceId, ctx);
        if (!service) throw new NotFoundError(`No node has the id "${args.serviceId}"`, { argument: 'serviceId' });
        if (service.label !== 'Service') throw new InputError(`serviceId must be a service, "${args.serviceId}" is a ${service.label}`, { argument: 'serviceId' });
        const model = await ctx.loaders.whatif.model();
        const risks = riskList(model, args.serviceId, maxDepth);
        const byKind = RISK_KINDS.map((kind) => ({ kind, count: risks.filter((r) => r.kind === kind).length })).filter((k) => k.count > 0);
        return { service, risks, byKind };
      },
      riskReach: async (_p: unknown, args: { kind: RiskKind; item?: string | null; maxDepth?: number | null }, ctx: Context) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, 10, 6);
        const model = await ctx.loaders.whatif.model();
        const day = today();
        let items = model.risks.filter((f) => risksOf(f, day).some((r) => r.kind === args.kind)).map((f) => f.id);
        if (args.item) {
          if (!(await nodeOf(args.item, ctx))) throw new NotFoundError(`No node has the id "${args.item}"`, { argument: 'item' });
          if (!items.includes(args.item)) items = [];
          else items = [args.item];
        }
        const reached = servicesReaching(model.graph, items.sort(), maxDepth);
        const services = [...reached].map(([service, path]) => ({ service, path, item: path[path.length - 1] as string })).sort((a, b) => a.path.length - b.path.length || (a.service < b.service ? -1 : 1));
        return { kind: args.kind, items, serviceCount: services.length, all: services };
      },
    },
    ImpactReport: {
      severity: (r: { origin: NodeRecord; maxDepth: number }) => ({ origin: r.origin.id, maxDepth: r.maxDepth }),
    },
    ImpactSeverity: {
      components: async (s: { origin: string; maxDepth: number }, _a: unknown, ctx: Context) => count((await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits, 'Component'),
      services: async (s: { origin: string; maxDepth: number }, _a: unknown, ctx: Context) => count((await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits, 'Service'),
      hits: async (s: { origin: string; maxDepth: number }, args: { first?: number | null; after?: string | null; severity?: string | null; label?: string | null }, ctx: Context) => {
        const all = (await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits.filter((h) => (!args.severity || h.severity === args.severity) && (!args.label || h.label === args.label));
        const { items, skip } = page(all, args);
        return items.map((h, i) => ({ ...h, cursor: encodeCursor(skip + i) }));
      },
    },
    SeverityHit: { node: (h: SeverityHit, _a: unknown, ctx: Context) => nodeOf(h.id, ctx) },
    LostRole: {
      name: (r: LostRole) => r.roleName,
      lost: (r: LostRole, _a: unknown, ctx: Context) => nodesOf(r.lost, ctx),
      left: (r: LostRole, _a: unknown, ctx: Context) => nodesOf(r.left, ctx),
    },
    WhatIfReport: {
      removals: (r: { removals: string[] }, _a: unknown, ctx: Context) => nodesOf(r.removals, ctx),
      replacements: (r: { replacements: { from: string; to: string }[] }) => r.replacements,
      lostToday: (r: { lostToday: string[] }, _a: unknown, ctx: Context) => nodesOf(r.lostToday, ctx),
      changes: (r: { changes: { id: string; label: string }[] }, args: { first?: number | null; after?: string | null; label?: string | null }) => page(r.changes.filter((c) => !args.label || c.label === args.label), args).items,
    },
    Replacement: {
      from: (r: { from: string }, _a: unknown, ctx: Context) => nodeOf(r.from, ctx),
      to: (r: { to: string }, _a: unknown, ctx: Context) => nodeOf(r.to, ctx),
    },
    StateChange: { node: (c: { id: string }, _a: unknown, ctx: Context) => nodeOf(c.id, ctx) },
    RequirementChange: {
      requirement: (c: { requirement: string }, _a: unknown, ctx: Context) => nodeOf(c.requirement, ctx),
      service: (c: { service: string }, _a: unknown, ctx: Context) => nodeOf(c.service, ctx),
      missing: (c: { missing: string[] }, _a: unknown, ctx: Context) => nodesOf(c.missing, ctx),
    },
    GroupDelta: { node: (g: { key: string; level?: boolean }, _a: unknown, ctx: Context) => (g.level ? null : nodeOf(g.key, ctx)) },
    InheritedRisk: {
      item: (r: { item: string }, _a: unknown, ctx: Context) => nodeOf(r.item, ctx),
      path: (r: { path: string[] }, _a: unknown, ctx: Context) => nodesOf(r.path, ctx),
    },
    RiskReach: {
      items: (r: { items: string[] }, _a: unknown, ctx: Context) => nodesOf(r.items, ctx),
      services: (r: { all: { service: string; path: string[]; item: string }[] }, args: { first?: number | null; after?: string | null }) => {
        const { items, skip } = page(r.all, args);
        return items.map((x, i) => ({ ...x, cursor: encodeCursor(skip + i) }));
      },
    },
    RiskedService: {
      service: (r: { service: string }, _a: unknown, ctx: Context) => nodeOf(r.service, ctx),
      item: (r: { item: string }, _a: unknown, ctx: Context) => nodeOf(r.item, ctx),
      path: (r: { path: string[] }, _a: unknown, ctx: Context) => nodesOf(r.path, ctx),
    },
    ImpactedComponent: {
      severity: async (c: { component: NodeRecord; origin?: string; maxDepth?: number }, _a: unknown, ctx: Context) => (await ctx.loaders.whatif.severity(String(c.origin), Number(c.maxDepth))).byId.get(c.component.id)?.severity ?? 'reached',
    },
    ImpactedService: {
      severity: async (s: { service: NodeRecord; origin?: string; maxDepth?: number }, _a: unknown, ctx: Context) => (await ctx.loaders.whatif.severity(String(s.origin), Number(s.maxDepth))).byId.get(s.service.id)?.severity ?? 'reached',
    },
  };
  return resolvers as Resolvers;
}

/** The risks a service inherits: for every item it depends on within maxDepth, that item's risks with the chain. */
export function riskList(model: WhatIfModel, serviceId: string, maxDepth: number): { kind: RiskKind; item: string; detail: string; path: string[] }[] {
  const day = today();
  const out: { kind: RiskKind; item: string; detail: string; path: string[] }[] = [];
  for (const [item, path] of chainsFrom(model.graph, serviceId, maxDepth)) {
    const f = model.riskById.get(item);
    if (!f) continue;
    for (const r of risksOf(f, day)) out.push({ ...r, path });
  }
  return out.sort((a, b) => a.path.length - b.path.length || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}
