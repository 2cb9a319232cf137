import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { collectFields, subSelections } from '../engine/collectFields';
import { memoBySelection } from '../engine/memoBySelection';
import { childNodes, scopeOf, selectedFields } from '../engine/statements';
import type { Resolvers } from '../generated/graphql';
import { checkRange } from '../graph/validate';
import { PATH_MAX_DEPTH, SUBGRAPH_MAX_DEPTH } from './bounds';
import type { SubgraphFields } from './records';

/** Resolvers of schema/explore.graphql: thin delegations to the per-request exploring loaders. */
export function exploreResolvers(): Resolvers {
  return {
    Query: {
      subgraph: (_p, args, ctx, info) => ctx.loaders.explore.subgraph(args.ids, checkRange('depth', args.depth, 0, SUBGRAPH_MAX_DEPTH, 1), args.types ?? null, subgraphFields(info)),
      path: (_p, args, ctx) => ctx.loaders.explore.path(args.from, args.to, checkRange('maxDepth', args.maxDepth, 1, PATH_MAX_DEPTH, 6), args.evidence === 'SOURCED'),
      alternatives: (_p, args, ctx) => ctx.loaders.explore.alternatives(args.id, checkRange('first', args.first, 1, 1000, 100)),
    },
  };
}

/** Which of a subgraph's optional values the query selected: names and evidence of nodes, evidence and provenance of edges. */
export const subgraphFields = memoBySelection(readSubgraphFields);

function readSubgraphFields(info: GraphQLResolveInfo): SubgraphFields {
  const fields = selectedFields(info);
  const names = (list: string, type: string): Set<string> => {
    const t = info.schema.getType(type) as GraphQLObjectType;
    return new Set([...collectFields(scopeOf(info), t, subSelections(childNodes(fields, list))).values()].flat().map((f) => f.name.value));
  };
  const nodes = names('nodes', 'SubgraphNode');
  const edges = names('edges', 'SubgraphEdge');
  return { nodeName: nodes.has('name'), nodeEvidence: nodes.has('evidence'), edgeEvidence: edges.has('evidence'), provenance: edges.has('provenance') };
}
