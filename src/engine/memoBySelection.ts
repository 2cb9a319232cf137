import type { FieldNode, GraphQLResolveInfo } from 'graphql';

/** Answers kept per field node at most, one per set of variable values. */
const PER_FIELD = 16;

/**
 * Memoizes a function of a field's selection (what it reads of `info`: its field nodes, fragments and
 * the variables of `@skip` / `@include`) per field node of the parsed document and per variable
 * values. Apollo Server keeps parsed documents, so a query sent again reuses the answer instead of
 * walking its selection again. The field node is weakly held: a document that leaves Apollo's cache
 * takes its answers with it.
 */
export function memoBySelection<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const cache = new WeakMap<FieldNode, Map<string, T>>();
  return (info) => {
    const field = info.fieldNodes[0];
    if (!field || info.fieldNodes.length !== 1) return compute(info);
    const vars = JSON.stringify(info.variableValues);
    let answers = cache.get(field);
    const known = answers?.get(vars);
    if (known !== undefined) return known;
    const value = compute(info);
    if (!answers) cache.set(field, (answers = new Map()));
    if (answers.size >= PER_FIELD) answers.delete(answers.keys().next().value as string);
    answers.set(vars, value);
    return value;
  };
}
