import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { SUBGRAPH_NODE_LIMIT } from '../impact/loaders';
import type { CostRules, FieldArgs } from './cost';

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const len = (v: unknown): number => (Array.isArray(v) ? v.length : 1);

/**
 * What the traversals cost to run, beyond the values they return: per hop of `maxDepth` (the
 * breadth-first search grows with it), per level of a subgraph, per stack of a matrix. The figures
 * are points of the same budget as list items; they keep a single traversal well inside the budget
 * and let a request hold a few of them, not hundreds.
 */
export const TRAVERSAL_PRICES: CostRules['traversalPrices'] = {
  'Query.impactAnalysis': (a) => 200 * num(a.maxDepth, 6),
  'Query.dependencies': (a) => 100 * num(a.maxDepth, 6),
  'Query.path': (a) => 200 * num(a.maxDepth, 6),
  'Query.alternatives': () => 500,
  'Query.compliance': () => 200,
  'Query.compatibility': (a) => 100 * len(a.stackIds),
  'Query.adoption': () => 200,
  'Query.subgraph': (a) => 1000 * Math.max(1, num(a.depth, 1)) * len(a.ids),
  'Query.search': () => 50,
  // What rests on a source is read by a pass over every node and relationship (citations are lists
  // on them), and coverage by a pass over every service: a few per request, not hundreds.
  'Source.facts': () => 20_000,
  'ImpactSummary.coverage': () => 2_000,
  // A ranking reads every component and standard with its assessments (a few hundred), the change
  // log a filtered scan of the changes.
  'Query.ranking': () => 500,
  'Query.changes': () => 200,
  'Query.inclusion': () => 50,
  // In memory over the use graph (read once per graph version): a fixpoint over every consumer.
  'Query.simulateChange': (a) => 500 + 50 * (len(a.removals) + len(a.replacements)),
  'Query.risks': () => 100,
  'Query.riskReach': () => 300,
  'ImpactReport.severity': () => 300,
  'About.coverage': () => 2_000,
};

/** Lists whose size has a known bound (other lists without `first` get the assumed size). */
export const LIST_BOUNDS: CostRules['listBounds'] = {
  'Path.nodes': (_a, parent: FieldArgs) => num(parent.maxDepth, 6) + 1,
  'Path.steps': (_a, parent: FieldArgs) => num(parent.maxDepth, 6),
  'CompatibilityMatrix.stacks': () => 20,
  'CompatibilityRow.cells': () => 20,
  'Subgraph.nodes': () => SUBGRAPH_NODE_LIMIT,
  // `facts(first)` is one object whose two lists each hold up to `first` items.
  'Source.facts': () => 1,
  'SourceFacts.nodes': (_a, parent: FieldArgs) => num(parent.first, 100),
  'SourceFacts.relationships': (_a, parent: FieldArgs) => num(parent.first, 100),
  'Coverage.byTopic': () => 20,
  'Coverage.byLevel': () => 3,
  // Profiles: the model bounds these lists (six criteria, a handful of facts per kind, 25 stacks).
  'Component.criteriaAssessments': () => 6,
  'Standard.criteriaAssessments': () => 6,
  'Component.lifecycle': () => 25,
  'Standard.lifecycle': () => 25,
  'Profile.operatingModels': () => 5,
  'Profile.obtain': () => 5,
  'Profile.attestations': () => 5,
  'Profile.unknown': () => 7,
  'Assessment.indicators': () => 4,
  'RankingEdge.breakdown': () => 6,
  'RankingEdge.unknown': () => 6,
  'RankingConnection.weights': () => 6,
  'CriteriaMapping.criteria': () => 6,
  'CriterionIndicators.indicators': () => 4,
  'CriteriaMapping.indicators': () => 20,
  'CriteriaMapping.points': () => 4,
  'InclusionAnswer.decisions': () => 20,
  'Load.datasets': () => 5,
  'Change.fields': () => 20,
  'SeverityHit.lostRoles': () => 3,
  'LostRole.lost': () => 5,
  'LostRole.left': () => 5,
  'StateChange.lostRoles': () => 3,
  'WhatIfReport.removals': () => 50,
  'WhatIfReport.replacements': () => 50,
  'WhatIfReport.lostToday': () => 20,
  'WhatIfReport.requirements': () => 50,
  'WhatIfReport.byTopic': () => 20,
  'WhatIfReport.byExecutingLevel': () => 3,
  'WhatIfReport.byLayer': () => 50,
  'RequirementChange.missing': () => 5,
  'ServiceRisks.risks': () => 100,
  'ServiceRisks.byKind': () => 8,
  'InheritedRisk.path': (_a, parent) => num(parent.maxDepth, 6) + 1,
  'RiskReach.items': () => 50,
  'RiskedService.path': (_a, parent) => num(parent.maxDepth, 6) + 1,
};

/**
 * The sizes of introspection lists, read off the schema: `__Schema.types` is the number of types,
 * `__Type.fields` the average number of fields (so `types { fields }` prices exactly the fields there
 * are), and so on.
 */
export function introspectionBounds(schema: GraphQLSchema): CostRules['listBounds'] {
  const types = Object.values(schema.getTypeMap());
  const avg = (xs: number[]): number => (xs.length === 0 ? 0 : Math.ceil(xs.reduce((a, b) => a + b, 0) / xs.length));
  const fieldCounts = types.filter((t) => isObjectType(t) || isInterfaceType(t)).map((t) => Object.keys((t as { getFields(): object }).getFields()).length);
  const argCounts = types
    .filter((t) => isObjectType(t) || isInterfaceType(t))
    .flatMap((t) => Object.values((t as { getFields(): Record<string, { args: readonly unknown[] }> }).getFields()).map((f) => f.args.length));
  const sizes = {
    types: types.length,
    directives: schema.getDirectives().length,
    fields: avg(fieldCounts),
    args: Math.max(1, avg(argCounts)),
    inputFields: avg(types.filter(isInputObjectType).map((t) => Object.keys(t.getFields()).length)),
    enumValues: avg(types.filter(isEnumType).map((t) => t.getValues().length)),
    interfaces: Math.max(1, avg(types.filter((t) => isObjectType(t) || isInterfaceType(t)).map((t) => (t as { getInterfaces(): readonly unknown[] }).getInterfaces().length))),
    possibleTypes: Math.max(1, avg(types.filter((t) => isInterfaceType(t) || isUnionType(t)).map((t) => schema.getPossibleTypes(t as never).length))),
    directiveArgs: Math.max(1, avg(schema.getDirectives().map((d) => d.args.length))),
  };
  return {
    '__Schema.types': () => sizes.types,
    '__Schema.directives': () => sizes.directives,
    '__Type.fields': () => sizes.fields,
    '__Type.inputFields': () => sizes.inputFields,
    '__Type.enumValues': () => sizes.enumValues,
    '__Type.interfaces': () => sizes.interfaces,
    '__Type.possibleTypes': () => sizes.possibleTypes,
    '__Field.args': () => sizes.args,
    '__Directive.args': () => sizes.directiveArgs,
  };
}

/**
 * The `edges` of a connection hold one edge per item that the connection's `first` already counts,
 * so they count 1 per item instead of multiplying again.
 */
export function connectionBounds(schema: GraphQLSchema): CostRules['listBounds'] {
  const out: Record<string, () => number> = {};
  for (const t of Object.values(schema.getTypeMap())) {
    if (isObjectType(t) && !t.name.startsWith('__') && 'edges' in t.getFields() && 'pageInfo' in t.getFields()) out[`${t.name}.edges`] = () => 1;
  }
  return out;
}

/** The cost rules of this API's schema. */
export function costRules(schema: GraphQLSchema, assumedListSize: number): CostRules {
  return { assumedListSize, traversalPrices: TRAVERSAL_PRICES, listBounds: { ...LIST_BOUNDS, ...connectionBounds(schema), ...introspectionBounds(schema) } };
}
