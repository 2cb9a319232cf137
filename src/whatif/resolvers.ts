import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../context';
import { InputError, NotFoundError } from '../errors';
import type { Resolvers } from '../generated/graphql';
import type { NodeRecord } from '../graph/records';
import { checkRange, decodeCursor, encodeCursor } from '../graph/validate';
import { cut } from '../impact/bounds';
import type { LostRole, SeverityHit } from './engine';
import { RISK_KINDS, type RiskKind } from './risks';

const today = (): string => new Date().toISOString().slice(0, 10);
const nodeOf = (id: string, ctx: Context): Promise<NodeRecord | null> => ctx.loaders.graph.nodeById.load(id);

/**
 * The nodes of `ids` that exist, in order. A failed load (Neo4j down, the deadline passed) fails the
 * field with its own code: it never reads as "missing", so a list is whole or absent, never shorter.
 */
async function nodesOf(ids: readonly string[], ctx: Context): Promise<NodeRecord[]> {
  const found = await ctx.loaders.graph.nodeById.loadMany([...ids]);
  const out: NodeRecord[] = [];
  for (const n of found) {
    if (n instanceof Error) throw n;
    if (n) out.push(n);
  }
  return out;
}

function page<T>(items: readonly T[], args: { first?: number | null; after?: string | null }): { items: T[]; skip: number } {
  const first = checkRange('first', args.first, 1, 1000, 100);
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { items: items.slice(skip, skip + first), skip };
}

/** The first `first` items (1..1000, `fallback` when not given): lists that grow with the graph are cut where their price says. */
function take<T>(items: readonly T[], first: number | null | undefined, fallback: number): T[] {
  return cut(items, checkRange('first', first, 1, 1000, fallback));
}

/** A page of `items` with each item's cursor. */
function paged<T extends object>(items: readonly T[], args: { first?: number | null; after?: string | null }): (T & { cursor: string })[] {
  const { items: out, skip } = page(items, args);
  return out.map((x, i) => ({ ...x, cursor: encodeCursor(skip + i) }));
}

function count(hits: readonly SeverityHit[], label: string) {
  const of = hits.filter((h) => h.label === label);
  return { broken: of.filter((h) => h.severity === 'broken').length, degraded: of.filter((h) => h.severity === 'degraded').length, reached: of.filter((h) => h.severity === 'reached').length };
}

/** Every id must name a node of `labels`; a database error fails with its own code, never NOT_FOUND. */
async function checkIds(ids: readonly string[], name: string, ctx: Context, labels = ['Component', 'Standard']): Promise<void> {
  const found = await ctx.loaders.graph.nodeById.loadMany([...ids]);
  const failed = found.find((n): n is Error => n instanceof Error);
  if (failed) throw failed;
  ids.forEach((id, i) => {
    const n = found[i] as NodeRecord | null | undefined;
    if (!n) throw new NotFoundError(`No node has the id "${id}"`, { argument: name });
    if (!labels.includes(n.label)) throw new InputError(`${name}: "${id}" is a ${n.label}; only ${labels.join(' and ')} can be ${name === 'removals' ? 'removed' : 'replaced'}`, { argument: name });
  });
}

/**
 * The names of the fields selected directly below this field (aliases, inline fragments and
 * `@include`/`@skip` are read as selected); null when a named fragment is involved (then all are).
 */
function selectedFields(info: GraphQLResolveInfo): Set<string> | null {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) out.add(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(sel.selectionSet)) return false;
      } else return false;
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!visit(node.selectionSet)) return null;
  return out;
}

/** Resolvers of schema/whatif.graphql. */
export function whatIfResolvers(): Resolvers {
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: {
      simulateChange: async (_p: unknown, args: { removals?: string[] | null; replacements?: { from: string; to: string }[] | null }, ctx: Context, info: GraphQLResolveInfo) => {
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
        const selected = selectedFields(info);
        const wants = { changes: !selected || selected.has('changes'), requirements: !selected || selected.has('requirements'), groups: !selected || ['byTopic', 'byExecutingLevel', 'byLayer'].some((f) => selected.has(f)) };
        const sim = await ctx.loaders.whatif.simulate(removals, replacements, today(), wants);
        return {
          removals,
          replacements,
          lostToday: sim.lostToday,
          summary: sim.summary,
          changes: sim.changes,
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
        const risks = await ctx.loaders.whatif.risks(args.serviceId, maxDepth, today());
        const byKind = RISK_KINDS.map((kind) => ({ kind, count: risks.filter((r) => r.kind === kind).length })).filter((k) => k.count > 0);
        return { service, risks, riskCount: risks.length, byKind };
      },
      riskReach: async (_p: unknown, args: { kind: RiskKind; item?: string | null; maxDepth?: number | null }, ctx: Context) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, 10, 6);
        if (args.item && !(await nodeOf(args.item, ctx))) throw new NotFoundError(`No node has the id "${args.item}"`, { argument: 'item' });
        const { items, all } = await ctx.loaders.whatif.riskReach(args.kind, args.item ?? null, maxDepth, today());
        return { kind: args.kind, items, itemCount: items.length, serviceCount: all.length, all };
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
    SeverityHit: {
      node: (h: SeverityHit, _a: unknown, ctx: Context) => nodeOf(h.id, ctx),
      lostRoles: (h: SeverityHit, args: { first?: number | null }) => take(h.lostRoles, args.first, 5),
    },
    LostRole: {
      name: (r: LostRole) => r.roleName,
      lost: (r: LostRole, args: { first?: number | null }, ctx: Context) => nodesOf(take(r.lost, args.first, 10), ctx),
      left: (r: LostRole, args: { first?: number | null }, ctx: Context) => nodesOf(take(r.left, args.first, 10), ctx),
    },
    WhatIfReport: {
      removals: (r: { removals: string[] }, _a: unknown, ctx: Context) => nodesOf(r.removals, ctx),
      replacements: (r: { replacements: { from: string; to: string }[] }) => r.replacements,
      lostToday: (r: { lostToday: string[] }, args: { first?: number | null }, ctx: Context) => nodesOf(take(r.lostToday, args.first, 100), ctx),
      lostTodayCount: (r: { lostToday: string[] }) => r.lostToday.length,
      requirements: (r: { requirements: object[] }, args: { first?: number | null; after?: string | null }) => paged(r.requirements, args),
      byTopic: (r: { byTopic: object[] }, args: { first?: number | null }) => take(r.byTopic, args.first, 50),
      byLayer: (r: { byLayer: object[] }, args: { first?: number | null }) => take(r.byLayer, args.first, 100),
      changes: (r: { changes: { id: string; label: string }[] }, args: { first?: number | null; after?: string | null; label?: string | null }) => page(r.changes.filter((c) => !args.label || c.label === args.label), args).items,
    },
    Replacement: {
      from: (r: { from: string }, _a: unknown, ctx: Context) => nodeOf(r.from, ctx),
      to: (r: { to: string }, _a: unknown, ctx: Context) => nodeOf(r.to, ctx),
    },
    StateChange: {
      node: (c: { id: string }, _a: unknown, ctx: Context) => nodeOf(c.id, ctx),
      lostRoles: (c: { lostRoles: readonly LostRole[] }, args: { first?: number | null }) => take(c.lostRoles, args.first, 5),
    },
    RequirementChange: {
      requirement: (c: { requirement: string }, _a: unknown, ctx: Context) => nodeOf(c.requirement, ctx),
      service: (c: { service: string }, _a: unknown, ctx: Context) => nodeOf(c.service, ctx),
      missing: (c: { missing: string[] }, args: { first?: number | null }, ctx: Context) => nodesOf(take(c.missing, args.first, 10), ctx),
    },
    GroupDelta: { node: (g: { key: string; level?: boolean }, _a: unknown, ctx: Context) => (g.level ? null : nodeOf(g.key, ctx)) },
    InheritedRisk: {
      item: (r: { item: string }, _a: unknown, ctx: Context) => nodeOf(r.item, ctx),
      path: (r: { path: string[] }, _a: unknown, ctx: Context) => nodesOf(r.path, ctx),
    },
    ServiceRisks: {
      risks: (r: { risks: object[] }, args: { first?: number | null; after?: string | null }) => paged(r.risks, args),
    },
    RiskReach: {
      items: (r: { items: string[] }, args: { first?: number | null }, ctx: Context) => nodesOf(take(r.items, args.first, 100), ctx),
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
