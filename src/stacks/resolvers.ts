import type { Resolvers } from '../generated/graphql';
import { checkRange } from '../graph/validate';

/** Resolvers of schema/stacks.graphql: thin delegations to the per-request stack loaders. */
export function stackResolvers(): Resolvers {
  return {
    Query: {
      compatibility: (_p, args, ctx) => ctx.loaders.stacks.compatibility(args.stackIds),
      adoption: (_p, args, ctx) => ctx.loaders.stacks.adoption(args.level, checkRange('first', args.first, 1, 1000, 100)),
    },
  };
}
