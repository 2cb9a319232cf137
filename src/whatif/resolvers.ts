import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Context } from '../context';
import { InputError, NotFoundError } from '../errors';
import type { Resolvers } from '../generated/graphql';
import type { NodeRecord } from '../graph/records';
import { checkRange, decodeCursor, encodeCursor } from '../graph/validate';
import { cut } from '../engine/paging';
import type { SeverityHit } from './engine';
import type { ImpactSeverityRecord } from './records';
import { RISK_KINDS } from './risks';

const today = (): string => new Date().toISOString().slice(0, 10);
const nodeOf = (id: string, ctx: Context): Promise<NodeRecord | null> => ctx.loaders.graph.nodeById.load(id);

/**
 * The node of an id the what-if model names, for a non-null field: the model was read from the graph,
 * so a node missing now (the graph changed since) fails the field with a message, never a null.
 */
async function modelNode(id: string, ctx: Context): Promise<NodeRecord> {
  const node = await nodeOf(id, ctx);
  if (!node) throw new Error(`the node "${id}" of the what-if model is no longer in the graph`);
  return node;
}

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

/**
 * The impact an impact hit belongs to: `ImpactReport.components` and `.services` add its origin and
 * depth to every hit (src/impact/resolvers.ts); a hit without them is a programming error.
 */
function impactOf(hit: object): ImpactSeverityRecord {
  const origin = 'origin' in hit ? hit.origin : undefined;
  const maxDepth = 'maxDepth' in hit ? hit.maxDepth : undefined;
  if (typeof origin !== 'string' || typeof maxDepth !== 'number') throw new Error('an impact hit without the origin and maxDepth of its report');
  return { origin, maxDepth };
}

/** Resolvers of schema/whatif.graphql. */
export function whatIfResolvers(): Resolvers {
  return {
    Query: {
      simulateChange: async (_p, args, ctx, info) => {
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
      risks: async (_p, args, ctx) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, 10, 6);
        const service = await nodeOf(args.serviceId, ctx);
        if (!service) throw new NotFoundError(`No node has the id "${args.serviceId}"`, { argument: 'serviceId' });
        if (service.label !== 'Service') throw new InputError(`serviceId must be a service, "${args.serviceId}" is a ${service.label}`, { argument: 'serviceId' });
        const risks = await ctx.loaders.whatif.risks(args.serviceId, maxDepth, today());
        const byKind = RISK_KINDS.map((kind) => ({ kind, count: risks.filter((r) => r.kind === kind).length })).filter((k) => k.count > 0);
        return { service, risks, riskCount: risks.length, byKind };
      },
      riskReach: async (_p, args, ctx) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, 10, 6);
        if (args.item && !(await nodeOf(args.item, ctx))) throw new NotFoundError(`No node has the id "${args.item}"`, { argument: 'item' });
        const { items, all } = await ctx.loaders.whatif.riskReach(args.kind, args.item ?? null, maxDepth, today());
        return { kind: args.kind, items, itemCount: items.length, serviceCount: all.length, all };
      },
    },
    ImpactReport: {
      severity: (r) => ({ origin: r.origin.id, maxDepth: r.maxDepth }),
    },
    ImpactSeverity: {
      components: async (s, _a, ctx) => count((await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits, 'Component'),
      services: async (s, _a, ctx) => count((await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits, 'Service'),
      hits: async (s, args, ctx) => {
        const all = (await ctx.loaders.whatif.severity(s.origin, s.maxDepth)).hits.filter((h) => (!args.severity || h.severity === args.severity) && (!args.label || h.label === args.label));
        const { items, skip } = page(all, args);
        return items.map((h, i) => ({ ...h, cursor: encodeCursor(skip + i) }));
      },
    },
    SeverityHit: {
      node: (h, _a, ctx) => modelNode(h.id, ctx),
      lostRoles: (h, args) => take(h.lostRoles, args.first, 5),
    },
    LostRole: {
      name: (r) => r.roleName,
      lost: (r, args, ctx) => nodesOf(take(r.lost, args.first, 10), ctx),
      left: (r, args, ctx) => nodesOf(take(r.left, args.first, 10), ctx),
    },
    WhatIfReport: {
      removals: (r, _a, ctx) => nodesOf(r.removals, ctx),
      lostToday: (r, args, ctx) => nodesOf(take(r.lostToday, args.first, 100), ctx),
      lostTodayCount: (r) => r.lostToday.length,
      requirements: (r, args) => paged(r.requirements, args),
      byTopic: (r, args) => take(r.byTopic, args.first, 50),
      byLayer: (r, args) => take(r.byLayer, args.first, 100),
      changes: (r, args) => page(r.changes.filter((c) => !args.label || c.label === args.label), args).items,
    },
    Replacement: {
      from: (r, _a, ctx) => modelNode(r.from, ctx),
      to: (r, _a, ctx) => modelNode(r.to, ctx),
    },
    StateChange: {
      node: (c, _a, ctx) => modelNode(c.id, ctx),
      lostRoles: (c, args) => take(c.lostRoles, args.first, 5),
    },
    RequirementChange: {
      requirement: (c, _a, ctx) => modelNode(c.requirement, ctx),
      service: (c, _a, ctx) => modelNode(c.service, ctx),
      missing: (c, args, ctx) => nodesOf(take(c.missing, args.first, 10), ctx),
    },
    GroupDelta: { node: (g, _a, ctx) => (g.level ? null : nodeOf(g.key, ctx)) },
    InheritedRisk: {
      item: (r, _a, ctx) => modelNode(r.item, ctx),
      path: (r, _a, ctx) => nodesOf(r.path, ctx),
    },
    ServiceRisks: {
      risks: (r, args) => paged(r.risks, args),
    },
    RiskReach: {
      items: (r, args, ctx) => nodesOf(take(r.items, args.first, 100), ctx),
      services: (r, args) => paged(r.all, args),
    },
    RiskedService: {
      service: (r, _a, ctx) => modelNode(r.service, ctx),
      item: (r, _a, ctx) => modelNode(r.item, ctx),
      path: (r, _a, ctx) => nodesOf(r.path, ctx),
    },
    ImpactedComponent: {
      severity: async (c, _a, ctx) => {
        const { origin, maxDepth } = impactOf(c);
        return (await ctx.loaders.whatif.severity(origin, maxDepth)).byId.get(c.component.id)?.severity ?? 'reached';
      },
    },
    ImpactedService: {
      severity: async (s, _a, ctx) => {
        const { origin, maxDepth } = impactOf(s);
        return (await ctx.loaders.whatif.severity(origin, maxDepth)).byId.get(s.service.id)?.severity ?? 'reached';
      },
    },
  };
}
