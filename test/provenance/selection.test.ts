import { buildSchema, graphqlSync, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { selectedNodeProperties } from '../../src/provenance/selection';
import { loadTypeDefs } from '../../src/schema';

/** The properties a facts page reads for what the query selected, seen from the list resolvers. */
function selected(query: string, variables: Record<string, unknown> = {}): Record<string, string[]> {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const seen: Record<string, string[]> = {};
  (schema.getQueryType()!.getFields().source!).resolve = () => ({ id: 's' });
  (schema.getType('Source') as GraphQLObjectType).getFields().facts!.resolve = () => ({});
  const facts = (schema.getType('SourceFacts') as GraphQLObjectType).getFields();
  facts.nodes!.resolve = (_p: unknown, _a: unknown, _c: unknown, info: GraphQLResolveInfo) => ((seen.node = selectedNodeProperties(info, 'node')), []);
  facts.relationships!.resolve = (_p: unknown, _a: unknown, _c: unknown, info: GraphQLResolveInfo) => ((seen.from = selectedNodeProperties(info, 'from')), (seen.to = selectedNodeProperties(info, 'to')), []);
  const result = graphqlSync({ schema, source: query, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe('the properties a facts page reads', () => {
  it('are the selected stored properties of every possible node type, never the relationship fields', () => {
    expect(selected('{ source(id: "s") { facts { nodes { node { id name label } locator } relationships { type from { id } to { id } } } } }')).toEqual({ node: [], from: [], to: [] });
    expect(
      selected(`query($skip: Boolean!) { source(id: "s") { facts { nodes { node { id ... on Service { executingLevels uses { node { id } } } ...C } }
        relationships { from { sources { locator } } to { ... on Component { homepage @skip(if: $skip) status } } } } } }
        fragment C on Component { tags usedBy { node { id } } }`, { skip: true }),
    ).toEqual({ node: ['executingLevels', 'tags'], from: ['sources'], to: ['status'] });
  });
});
