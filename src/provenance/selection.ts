import { getNamedType, isAbstractType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { collectFields, subSelections } from '../engine/collectFields';
import { scopeOf } from '../engine/statements';
import { RELATION_FIELDS, type RelationField } from '../graph/relations';

/** Fields every node record carries whatever was selected (the resolvers and `__resolveType` need them). */
const ALWAYS = new Set(['id', 'name', 'label']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The stored properties a query selected on the node in field `child` of the items of the current
 * list field (`nodes { node { ... } }`, `relationships { from { ... } }`): every selected field of
 * every possible node type that is neither a relationship field (those go through the links loader,
 * by id) nor one of id, name and label, sorted. The same rule as the look-ahead's projection
 * (src/engine/Projection.ts), so a node reads only what its fields need.
 */
export function selectedNodeProperties(info: GraphQLResolveInfo, child: string): string[] {
  const scope = scopeOf(info);
  const itemType = getNamedType(info.returnType) as GraphQLObjectType;
  const childNodes: FieldNode[] = [...collectFields(scope, itemType, subSelections(info.fieldNodes)).values()].flat().filter((f) => f.name.value === child);
  const nodeType = getNamedType(itemType.getFields()[child]?.type);
  if (!nodeType) return [];
  const types: readonly GraphQLObjectType[] = isAbstractType(nodeType) ? info.schema.getPossibleTypes(nodeType) : isObjectType(nodeType) ? [nodeType] : [];
  const props = new Set<string>();
  for (const t of types) {
    const relations = (RELATION_FIELDS as Record<string, Record<string, RelationField> | undefined>)[t.name] ?? {};
    for (const nodes of collectFields(scope, t, subSelections(childNodes)).values()) {
      const name = (nodes[0] as FieldNode).name.value;
      if (!name.startsWith('__') && !(name in relations) && !ALWAYS.has(name) && NAME.test(name)) props.add(name);
    }
  }
  return [...props].sort();
}
