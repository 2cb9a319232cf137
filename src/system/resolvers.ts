import type { Resolvers } from '../generated/graphql';
import type { AboutRecord } from './records';

/** Resolvers of schema/system.graphql. */
export function systemResolvers(about: AboutRecord): Resolvers {
  return {
    Query: {
      about: () => about,
    },
    About: {
      database: (_parent, _args, ctx) => ctx.loaders.system.databaseInfo(),
      coverage: (_parent, _args, ctx) => ctx.loaders.provenance.coverage(),
      graphVersion: (_parent, _args, ctx) => ctx.graphVersion.report(),
      traversalIndex: (_parent, _args, ctx) => ctx.loaders.whatif.builtIndex(),
    },
  };
}
