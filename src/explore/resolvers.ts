import type { Resolvers } from '../generated/graphql';
import { checkRange } from '../graph/validate';
import { PATH_MAX_DEPTH, SUBGRAPH_MAX_DEPTH } from './bounds';

/** Resolvers of schema/explore.graphql: thin delegations to the per-request exploring loaders. */
export function exploreResolvers(): Resolvers {
  return {
    Query: {
      subgraph: (_p, args, ctx) => ctx.loaders.explore.subgraph(args.ids, checkRange('depth', args.depth, 0, SUBGRAPH_MAX_DEPTH, 1), args.types ?? null),
      path: (_p, args, ctx) => ctx.loaders.explore.path(args.from, args.to, checkRange('maxDepth', args.maxDepth, 1, PATH_MAX_DEPTH, 6), args.evidence === 'SOURCED'),
      alternatives: (_p, args, ctx) => ctx.loaders.explore.alternatives(args.id, checkRange('first', args.first, 1, 1000, 100)),
    },
  };
}
