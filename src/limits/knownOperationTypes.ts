import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Refuses operations of a type the schema does not have (this API has queries and mutations, no subscriptions) at validation,
 * so that a `mutation` or `subscription` gets 400 GRAPHQL_VALIDATION_FAILED instead of an execution error.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (!root) {
      context.reportError(new GraphQLError(`This API does not support ${node.operation} operations; it answers queries and mutations (send "query { ... }").`, { nodes: node }));
    }
  },
});
