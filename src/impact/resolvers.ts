import type { Resolvers } from '../generated/graphql';
import { checkRange } from '../graph/validate';
import { MAX_DEPTH } from './bounds';
import { impactStatement, pageOf } from './impactStatement';
import type { Slice } from './records';

/** The part of an ordered list a page asks for, from what the report fetched. */
function page<T>(slice: Slice<T>, args: { first?: number | null; after?: string | null }): T[] {
  const { skip, limit } = pageOf(args);
  const from = skip - slice.offset;
  if (from < 0) throw new Error(`page from ${skip} was not fetched (fetched from ${slice.offset})`);
  return slice.items.slice(from, from + limit);
}

/** A part the statement fetches when it is selected; its absence is a bug of the compiler. */
function fetched<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`${field} was selected but not fetched`);
  return value;
}

/** Resolvers of schema/impact.graphql: thin delegations to the per-request traversal loaders. */
export function impactResolvers(): Resolvers {
  return {
    Query: {
      impactAnalysis: (_p, args, ctx, info) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6);
        const sourcedOnly = args.evidence === 'SOURCED';
        return ctx.loaders.impact.impactAnalysis(args.id, maxDepth, sourcedOnly, ctx.lookahead ? impactStatement(info, args.id, maxDepth, sourcedOnly) : undefined);
      },
      dependencies: (_p, args, ctx) => ctx.loaders.impact.dependencies(args.id, checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6), args.evidence === 'SOURCED'),
      path: (_p, args, ctx) => ctx.loaders.impact.path(args.from, args.to, checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6), args.evidence === 'SOURCED'),
      alternatives: (_p, args, ctx) => ctx.loaders.impact.alternatives(args.id, checkRange('first', args.first, 1, 1000, 100)),
      compliance: (_p, args, ctx) => ctx.loaders.impact.compliance(args.serviceId),
      compatibility: (_p, args, ctx) => ctx.loaders.impact.compatibility(args.stackIds),
      adoption: (_p, args, ctx) => ctx.loaders.impact.adoption(args.level, checkRange('first', args.first, 1, 1000, 100)),
      subgraph: (_p, args, ctx) => ctx.loaders.impact.subgraph(args.ids, checkRange('depth', args.depth, 0, 3, 1), args.types ?? null),
    },
    ImpactReport: {
      // Each hit knows its report's origin and depth (its severity is computed for them).
      components: (report, args) => page(report.components, args).map((c) => ({ ...c, origin: report.origin.id, maxDepth: report.maxDepth })),
      services: (report, args) => page(report.services, args).map((s) => ({ ...s, origin: report.origin.id, maxDepth: report.maxDepth })),
    },
    ImpactedComponent: {
      path: (c) => fetched(c.path, 'path'),
    },
    ImpactedService: {
      via: (s) => fetched(s.via, 'via'),
    },
    ImpactSummary: {
      coverage: async (summary, _a, ctx) => {
        // Overall, and within the topics and levels the answer's services touch.
        const all = await ctx.loaders.provenance.coverage();
        const topics = new Set(summary.byTopic.map((g) => g.node.id));
        const levels = new Set(summary.byExecutingLevel.map((l) => l.level));
        return { ...all, byTopic: all.byTopic.filter((g) => topics.has(g.key)), byLevel: all.byLevel.filter((g) => levels.has(g.key)) };
      },
      organizations: (summary, args) => summary.organizations.slice(0, checkRange('first', args.first, 1, 1000, 100)),
    },
  };
}
