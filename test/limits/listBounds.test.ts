import { buildSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { costRules, LIST_BOUNDS } from '../../src/limits/prices';
import { loadTypeDefs } from '../../src/schema';

const schema = buildSchema(loadTypeDefs().join('\n'));
const bounds = costRules(schema, 100).listBounds;

/** Every list field of an object type of the schema (introspection aside), as `Type.field`. */
function listFields(): { key: string; type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  const out: { key: string; type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) if (isListType(getNullableType(field.type))) out.push({ key: `${type.name}.${field.name}`, type, field });
  }
  return out;
}

const withoutFirst = listFields().filter(({ field }) => !field.args.some((a) => a.name === 'first'));
/** Connections' `edges` are bounded by the connection's own `first`. */
const isConnectionEdges = ({ type, field }: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }): boolean => field.name === 'edges' && 'pageInfo' in type.getFields();


describe('the bounds of lists without first', () => {
  it('has a bound for every list field without `first`, so the cost model never guesses', () => {
    expect(withoutFirst.length).toBeGreaterThan(50);
    expect(withoutFirst.map((f) => f.key).filter((key) => !(key in bounds))).toEqual([]);
  });

  it('has no bound for a field the schema does not have', () => {
    const keys = new Set(listFields().map((f) => f.key));
    // Source.facts is the one object whose `first` bounds the lists inside it.
    expect(Object.keys(LIST_BOUNDS).filter((key) => !keys.has(key) && key !== 'Source.facts')).toEqual([]);
  });

  it('states each bound in the SDL of its field', () => {
    const missing: string[] = [];
    for (const f of withoutFirst) {
      if (isConnectionEdges(f)) continue;
      const bound = bounds[f.key]!;
      const description = f.field.description ?? '';
      const a = bound({}, { maxDepth: 2 });
      const b = bound({}, { maxDepth: 9 });
      // A bound that follows an argument names it; a fixed one is written out (5000 as 5,000).
      const ok = a !== b ? /maxDepth/.test(description) : description.includes(String(a)) || description.includes(a.toLocaleString('en-US'));
      if (!ok) missing.push(`${f.key} (${a}): ${description || 'no description'}`);
    }
    expect(missing).toEqual([]);
  });

  it('prices lists of objects at their bound, not at the assumed size', () => {
    const { operationCost } = jest.requireActual('../../src/limits/cost') as typeof import('../../src/limits/cost');
    const { parse, getOperationAST } = jest.requireActual('graphql') as typeof import('graphql');
    const cost = (q: string, assumed: number): number => {
      const doc = parse(q);
      return operationCost(schema, doc, getOperationAST(doc)!, {}, costRules(schema, assumed));
    };
    // The assumed size (QUERY_LIST_SIZE) does not enter the price of any list without `first`.
    const q = `{ subgraph(ids: ["a"], depth: 2) { truncated nodes { id } edges { id } }
      compatibility(stackIds: ["s"]) { truncated stacks { id } rows { item { id sources { locator } } cells { stackId } } }
      dependencies(id: "a") { truncated entries { node { id } } }
      compliance(serviceId: "s") { muss { items { missing { id } } } }
      adoption(level: "Land") { byStatus { count } }
      impactAnalysis(id: "a") { summary { byLayer { count } byTopic { count } byExecutingLevel { count } organizations { relations } coverage { byTopic { key } } } components { path { id } } }
      source(id: "x") { facts(first: 1000) { nodes { node { id } } relationships { type } } } }`;
    expect(cost(q, 1)).toBe(cost(q, 100_000));
    expect(cost('{ subgraph(ids: ["a"], depth: 2) { nodes { id } edges { id } } }', 100)).toBe(2 * 1000 + 1 + 5000 + 5000);
    expect(cost('{ compatibility(stackIds: ["a", "b"]) { rows { item { id } cells { stackId } } } }', 100)).toBe(2 * 100 + 1 + 500 * (1 + 30));
  });

  it('counts every list of objects the cost model can multiply', () => {
    // Lists of scalars are free (they come with their object); their bound is still in the table.
    const objectLists = withoutFirst.filter((f) => isCompositeType(getNamedType(f.field.type)));
    expect(objectLists.length).toBeGreaterThan(40);
    expect(objectLists.every((f) => f.key in bounds)).toBe(true);
  });
});
