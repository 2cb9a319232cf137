import type { Resolvers } from '../generated/graphql';
import { IMPACT_PAGE } from '../engine/impactSelection';
import { impactStatement } from '../engine/impactStatement';
import { itemsOf, pageOf } from '../engine/paging';
import { checkRange } from '../graph/validate';
import { MAX_DEPTH } from './bounds';

/** A part the statement fetches when it is selected; its absence is a bug of the compiler. */
function fetched<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`${field} was selected but not fetched`);
  return value;
}

/** Resolvers of schema/impact.graphql: impactAnalysis compiled into one statement, dependencies through the loaders. */
export function impactResolvers(): Resolvers {
  return {
    Query: {
      impactAnalysis: (_p, args, ctx, info) => {
        const maxDepth = checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6);
        const sourcedOnly = args.evidence === 'SOURCED';
        return ctx.loaders.impact.impactAnalysis(impactStatement(info, args.id, maxDepth, sourcedOnly), args.id, maxDepth, sourcedOnly);
      },
      dependencies: (_p, args, ctx) => ctx.loaders.impact.dependencies(args.id, checkRange('maxDepth', args.maxDepth, 1, MAX_DEPTH, 6), args.evidence === 'SOURCED'),
    },
    ImpactReport: {
      // The page out of what the statement fetched; each hit knows its report's origin and depth (its severity is computed for them).
      components: (report, args) => itemsOf(report.components, pageOf(args, IMPACT_PAGE)).map((c) => ({ ...c, origin: report.origin.id, maxDepth: report.maxDepth })),
      services: (report, args) => itemsOf(report.services, pageOf(args, IMPACT_PAGE)).map((s) => ({ ...s, origin: report.origin.id, maxDepth: report.maxDepth })),
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
