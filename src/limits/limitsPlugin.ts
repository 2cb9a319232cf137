import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { checkOperation, type OperationLimits } from './checkOperation';
import type { CostRules, WorkSizes } from './cost';
import { costRules } from './prices';

/**
 * Refuses an operation before it executes when it breaks a limit (depth, aliases, directives,
 * cost); the refusal is a LimitError (HTTP 400, its own code, the limit and the value found).
 * The cost of an accepted operation is kept in the context for the request log and charged to the
 * client's budget per minute.
 */
export function limitsPlugin(limits: OperationLimits & { assumedListSize: number }, work?: WorkSizes): ApolloServerPlugin<Context> {
  const rulesBySchema = new WeakMap<GraphQLSchema, CostRules>();
  const rulesFor = (schema: GraphQLSchema): CostRules => {
    let rules = rulesBySchema.get(schema);
    if (!rules) rulesBySchema.set(schema, (rules = costRules(schema, limits.assumedListSize, work)));
    return rules;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = checkOperation(schema, document, operation, request.variables, limits, rulesFor(schema));
          contextValue.stats.cost = cost;
          // The price goes on the client's bill for this minute (RATE_LIMITED when it is spent).
          contextValue.budgets?.charge(contextValue.client, cost);
        },
      };
    },
  };
}
