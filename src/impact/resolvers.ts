import type { Resolvers } from '../generated/graphql';
import { checkRange } from '../graph/validate';

/** Resolvers of schema/impact.graphql: thin delegations to the per-request traversal loaders. */
export function impactResolvers(): Resolvers {
  return {
    Query: {
      impactAnalysis: (_p, args, ctx) => ctx.loaders.impact.impactAnalysis(args.id, checkRange('maxDepth', args.maxDepth, 1, 10, 6)),
      dependencies: (_p, args, ctx) => ctx.loaders.impact.dependencies(args.id, checkRange('maxDepth', args.maxDepth, 1, 10, 6)),
      path: (_p, args, ctx) => ctx.loaders.impact.path(args.from, args.to, checkRange('maxDepth', args.maxDepth, 1, 10, 6)),
      alternatives: (_p, args, ctx) => ctx.loaders.impact.alternatives(args.id),
      compliance: (_p, args, ctx) => ctx.loaders.impact.compliance(args.serviceId),
      compatibility: (_p, args, ctx) => ctx.loaders.impact.compatibility(args.stackIds),
      adoption: (_p, args, ctx) => ctx.loaders.impact.adoption(args.level),
      subgraph: (_p, args, ctx) => ctx.loaders.impact.subgraph(args.ids, checkRange('depth', args.depth, 0, 3, 1), args.types ?? null),
    },
  };
}
