import { buildSchema, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { loadTypeDefs } from '../../src/schema';

/** The API's schema, built from schema/*.graphql. */
export const schema = buildSchema(loadTypeDefs().join('\n'));

/** The `info` of the first root field of `query`, as graphql-js would pass it (for the statement compilers). */
export function infoOf(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const field = op.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
  const def = schema.getQueryType()?.getFields()[field.name.value];
  return { schema, fragments, variableValues, fieldNodes: [field], returnType: def?.type, operation: op } as unknown as GraphQLResolveInfo;
}
