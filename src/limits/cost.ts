import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/** Arguments of a field as the resolver will see them (defaults applied, variables substituted). */
export type FieldArgs = Readonly<Record<string, unknown>>;

/** Sizes of what the in-memory engines work on, read when an operation is priced. */
export interface WorkSizes {
  /** Uses, needs and implementations of the current graph version (the what-if model's edges). */
  useEdges(): number;
}

/** How the cost model prices a schema: list bounds and traversal prices per `Type.field`. */
export interface CostRules {
  /** Size assumed for a list field without `first` and without a known bound. */
  readonly assumedListSize: number;
  /** Known bounds of list fields, from the field's and its parent field's arguments. */
  readonly listBounds: Readonly<Record<string, (args: FieldArgs, parentArgs: FieldArgs) => number>>;
  /** The price of running a traversal root field, beyond the values it returns (e.g. per hop). */
  readonly traversalPrices: Readonly<Record<string, (args: FieldArgs, work: WorkSizes) => number>>;
  /** The sizes of the graph the in-memory engines work on (their prices follow them). */
  readonly work: WorkSizes;
}

/**
 * The cost of an operation before it runs, an upper bound of the values it can return plus the
 * price of its traversals: a list field costs its size (`first`, a known bound, or the assumed
 * size) times the cost of one item plus one per item; a single object costs one at the root and
 * nothing below (it comes with its parent); scalars are free. The multipliers compound down the
 * tree, so `usedBy(first: 1000) { node { uses(first: 1000) ... } }` costs a million. On an abstract
 * type the most expensive possible concrete type counts. Computed in time linear in the document
 * (memoised per selection set and type), so fragment bombs cost nothing to price.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  rules: CostRules,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<SelectionSetNode, Map<string, number>>();
  const vars = (variables ?? {}) as Record<string, unknown>;

  const argsOf = (def: GraphQLField<unknown, unknown>, node: FieldNode): FieldArgs => {
    try {
      return getArgumentValues(def, node, vars);
    } catch {
      return {}; // invalid variables fail in execution with their own error
    }
  };

  /** The fields of `set` that apply to the object type `type`, fragments flattened. */
  const collect = (set: SelectionSetNode, type: GraphQLObjectType, out: FieldNode[], seen: Set<string>): FieldNode[] => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) out.push(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || applies(sel.typeCondition.name.value, type)) collect(sel.selectionSet, type, out, seen);
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value) && applies(f.typeCondition.name.value, type)) {
          seen.add(f.name.value); // graphql-js runs a fragment once per selection set, so it is priced once
          collect(f.selectionSet, type, out, seen);
        }
      }
    }
    return out;
  };
  const applies = (condition: string, type: GraphQLObjectType): boolean => {
    if (condition === type.name) return true;
    const c = schema.getType(condition);
    return Boolean(c && isAbstractType(c) && schema.isSubType(c, type));
  };

  /** Cost of one item of `type` with the selection `set`, below a field with `parentArgs`. */
  const setCost = (set: SelectionSetNode, type: GraphQLCompositeType, parentArgs: FieldArgs, root: boolean): number => {
    const types = isObjectType(type) ? [type] : schema.getPossibleTypes(type);
    let perType = memo.get(set);
    if (!perType) memo.set(set, (perType = new Map()));
    let worst = 0;
    for (const t of types) {
      const key = `${t.name}|${root ? 'root' : ''}|${argsKey(parentArgs)}`;
      let c = perType.get(key);
      if (c === undefined) {
        c = 0;
        for (const field of collect(set, t, [], new Set())) c += fieldCost(t, field, parentArgs, root);
        perType.set(key, c);
      }
      worst = Math.max(worst, c);
    }
    return worst;
  };

  const fieldCost = (parent: GraphQLObjectType, node: FieldNode, parentArgs: FieldArgs, root: boolean): number => {
    const name = node.name.value;
    if (name === '__typename') return 0;
    const def = root && name === '__schema' ? SchemaMetaFieldDef : root && name === '__type' ? TypeMetaFieldDef : parent.getFields()[name];
    if (!def) return 0;
    const args = argsOf(def, node);
    const named = getNamedType(def.type);
    const key = `${parent.name}.${name}`;
    const traversal = rules.traversalPrices[key]?.(args, rules.work) ?? 0;
    const isList = isListType(getNullableType(def.type));
    const first = typeof args.first === 'number' ? Math.max(0, args.first) : undefined;
    if (!isCompositeType(named)) return traversal;
    // An object field whose `first` bounds lists inside it (Source.facts) has a known bound of 1.
    const objectBound = !isList ? rules.listBounds[key]?.(args, parentArgs) : undefined;
    const size = objectBound ?? first ?? (isList ? (rules.listBounds[key]?.(args, parentArgs) ?? rules.assumedListSize) : 1);
    const multiplied = objectBound === undefined && (isList || first !== undefined);
    const own = multiplied ? size : root ? 1 : 0;
    const children = node.selectionSet ? setCost(node.selectionSet, named, args, false) : 0;
    return traversal + own + (multiplied ? size : 1) * children;
  };

  const rootType = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!rootType) return 0;
  return setCost(operation.selectionSet, rootType, {}, true);
}

/** A memo key of the arguments that list bounds read: numbers as they are, lists by their length (never deep). */
function argsKey(args: FieldArgs): string {
  return Object.keys(args)
    .sort()
    .map((k) => {
      const v = args[k];
      return `${k}=${typeof v === 'number' ? v : Array.isArray(v) ? `[${v.length}]` : typeof v}`;
    })
    .join(',');
}
