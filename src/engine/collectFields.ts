import {
  getDirectiveValues,
  isAbstractType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** What a look-ahead over a selection needs from the resolver's `info`. */
export interface SelectionScope {
  readonly schema: GraphQLSchema;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  readonly variableValues: Readonly<Record<string, unknown>>;
}

/**
 * The fields selected on the object type `type` by the given selection sets, grouped by response
 * key in document order, the way graphql-js executes them: fragments and inline fragments apply
 * when their type condition is `type` or an interface or union it belongs to, and `@skip` /
 * `@include` are honoured with the request's variables.
 */
export function collectFields(scope: SelectionScope, type: GraphQLObjectType, selectionSets: readonly (SelectionSetNode | undefined)[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selections: readonly SelectionNode[]): void => {
    for (const s of selections) {
      if (!included(scope, s)) continue;
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = fields.get(key);
        if (list) list.push(s);
        else fields.set(key, [s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (applies(scope, s.typeCondition?.name.value, type)) visit(s.selectionSet.selections);
      } else {
        const name = s.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = scope.fragments[name];
        if (fragment && applies(scope, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const set of selectionSets) if (set) visit(set.selections);
  return fields;
}

/** The sub-selections of all nodes of one field (merged the way execution merges them). */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => Boolean(s));
}

function included(scope: SelectionScope, node: SelectionNode | InlineFragmentNode): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, scope.variableValues as Record<string, unknown>);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, scope.variableValues as Record<string, unknown>);
  return include?.if !== false;
}

function applies(scope: SelectionScope, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type.name) return true;
  const target = scope.schema.getType(condition);
  if (!target) return false;
  return isAbstractType(target) && scope.schema.isSubType(target, type);
}
