import type { Resolvers } from '../generated/graphql';

/** Resolvers of schema/compliance.graphql: a thin delegation to the per-request compliance loader. */
export function complianceResolvers(): Resolvers {
  return {
    Query: {
      compliance: (_p, args, ctx) => ctx.loaders.compliance.compliance(args.serviceId, ctx.now().toISOString().slice(0, 10)),
    },
  };
}
