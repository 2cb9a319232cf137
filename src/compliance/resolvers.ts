import { getNamedType, isAbstractType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { collectFields, subSelections } from '../engine/collectFields';
import { memoBySelection } from '../engine/memoBySelection';
import { PROPERTY_NAME } from '../engine/Projection';
import { childNodes, scopeOf, selectedFields } from '../engine/statements';
import type { Resolvers } from '../generated/graphql';
import { RELATION_FIELDS } from '../graph/relations';
import type { ComplianceKeys } from './repository';

/** Resolvers of schema/compliance.graphql: a thin delegation to the per-request compliance loader. */
export function complianceResolvers(): Resolvers {
  return {
    Query: {
      compliance: (_p, args, ctx, info) => ctx.loaders.compliance.compliance(args.serviceId, ctx.now().toISOString().slice(0, 10), complianceKeys(info)),
    },
  };
}

/**
 * The properties a compliance report reads of its nodes: what the report itself needs (a
 * requirement's level and rule, an exception's end), the id and name, and the stored fields the query
 * selects below `items { requirement appliesVia missing exception }` (relationship fields are
 * answered by the links loader, by id).
 */
export const complianceKeys = memoBySelection(readComplianceKeys);

function readComplianceKeys(info: GraphQLResolveInfo): ComplianceKeys {
  const scope = scopeOf(info);
  const report = selectedFields(info);
  const groupType = info.schema.getType('ComplianceGroup') as GraphQLObjectType;
  const itemType = info.schema.getType('ComplianceItem') as GraphQLObjectType;
  const groups = subSelections([...childNodes(report, 'muss'), ...childNodes(report, 'soll')]);
  const items = subSelections(childNodes(collectFields(scope, groupType, groups), 'items'));
  const itemFields = collectFields(scope, itemType, items);
  const keys = (field: string, base: readonly string[]): string[] => {
    const type = getNamedType(itemType.getFields()[field]?.type) as GraphQLNamedType;
    const types: readonly GraphQLObjectType[] = isAbstractType(type) ? info.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
    const sets: SelectionSetNode[] = subSelections(childNodes(itemFields, field));
    const out = new Set(base);
    for (const t of types) {
      const relations = RELATION_FIELDS[t.name] ?? {};
      for (const nodes of collectFields(scope, t, sets).values()) {
        for (const f of nodes) if (!f.name.value.startsWith('__') && PROPERTY_NAME.test(f.name.value) && !(f.name.value in relations)) out.add(f.name.value);
      }
    }
    return [...out];
  };
  const node = new Set([...keys('appliesVia', ['id', 'name']), ...keys('missing', ['id', 'name'])]);
  return { requirement: keys('requirement', ['id', 'name', 'level', 'rule']), node: [...node], exception: keys('exception', ['id', 'name', 'expires']) };
}
