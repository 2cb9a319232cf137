import { getNamedType, isEnumType, isInputObjectType, isInterfaceType, isListType, isObjectType, isUnionType, getNullableType, type GraphQLSchema } from 'graphql';
import { COMPLIANCE_ITEM_LIMIT, COMPLIANCE_MISSING_LIMIT } from '../compliance/bounds';
import { SUBGRAPH_EDGE_LIMIT, SUBGRAPH_NODE_LIMIT } from '../explore/bounds';
import { DEPENDENCY_ENTRY_LIMIT, MAX_DEPTH, SUMMARY_GROUP_LIMIT, SUMMARY_LEVEL_LIMIT } from '../impact/bounds';
import { ADOPTION_STATUS_LIMIT, COMPATIBILITY_ROW_LIMIT, COMPATIBILITY_STACK_LIMIT } from '../stacks/bounds';
import { PROPERTY_LIST_LIMIT, propertyLists } from '../graph/propertyLists';
import { MODEL, type Model } from '../model';
import { CITATION_LIMIT, COVERAGE_LEVEL_LIMIT, COVERAGE_TOPIC_LIMIT, FACTS_PAGE_DEFAULT } from '../provenance/bounds';
import type { CostRules, FieldArgs, WorkSizes } from './cost';

/** The work sizes assumed when nothing has been read yet: the seed graph's. */
const SEED_WORK: WorkSizes = { useEdges: () => SEED_USE_EDGES };
import { cpuPrice, SEED_USE_EDGES } from './cpuPrices';
import { PROFILE_LIST_BOUNDS } from '../profiles/bounds';
import { CURATION_LIST_BOUNDS } from '../curation/bounds';
import { PARTICIPATION_LIST_BOUNDS } from '../participation/bounds';

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
  // A page of what rests on a source is read by a pass over every node (or every relationship):
  // citations are lists on them. Coverage is a pass over every service. A few per request, not hundreds.
  'SourceFacts.nodes': () => 10_000,
  'SourceFacts.relationships': () => 10_000,
  'ImpactSummary.coverage': () => 2_000,
  // A ranking reads every component and standard with its assessments (a few hundred), the change
  // log a filtered scan of the changes.
  'Query.ranking': () => 500,
  'Query.changes': () => 200,
  'Query.inclusion': () => 50,
  // In memory over the use graph, on a CPU worker: priced per edge of the graph by measured work
  // (src/limits/cpuPrices.ts, `npm run bench:cpu`): ~4,700 points a simulation on the seed graph.
  'Query.simulateChange': (_a, work) => cpuPrice('simulate', work.useEdges()),
  'Query.risks': (_a, work) => cpuPrice('risks', work.useEdges()),
  'Query.riskReach': (_a, work) => cpuPrice('riskReach', work.useEdges()),
  'ImpactReport.severity': (_a, work) => cpuPrice('severity', work.useEdges()),
  'About.coverage': () => 2_000,
};

/**
 * The bound of every list field without `first` (and the default of a few with one), read from the
 * constant the runtime enforces it with: the loader, statement or resolver never returns more, and
 * the field's SDL says what happens at the bound. test/limits/listBounds.test.ts fails for a list
 * field without `first` that is missing here.
 */
export const LIST_BOUNDS: CostRules['listBounds'] = {
  // Traversals (src/impact, src/explore, src/compliance, src/stacks: bounds.ts).
  'Path.nodes': (_a, parent: FieldArgs) => num(parent.maxDepth, 6) + 1,
  'Path.steps': (_a, parent: FieldArgs) => num(parent.maxDepth, 6),
  'ImpactedComponent.path': () => MAX_DEPTH + 1,
  'ImpactSummary.byLayer': () => SUMMARY_GROUP_LIMIT,
  'ImpactSummary.byTopic': () => SUMMARY_GROUP_LIMIT,
  'ImpactSummary.byLifeSituation': () => SUMMARY_GROUP_LIMIT,
  'ImpactSummary.byExecutingLevel': () => SUMMARY_LEVEL_LIMIT,
  'ImpactSummary.byOrganizationLevel': () => SUMMARY_LEVEL_LIMIT,
  // OPERATES, ADOPTS, OFFERS: the statement collects the distinct types of these three.
  'ImpactedOrganization.relations': () => 3,
  'DependencyTree.entries': () => DEPENDENCY_ENTRY_LIMIT,
  'ComplianceGroup.items': () => COMPLIANCE_ITEM_LIMIT,
  'ComplianceItem.missing': () => COMPLIANCE_MISSING_LIMIT,
  'CompatibilityMatrix.stacks': () => COMPATIBILITY_STACK_LIMIT,
  'CompatibilityMatrix.rows': () => COMPATIBILITY_ROW_LIMIT,
  'CompatibilityRow.cells': () => COMPATIBILITY_STACK_LIMIT,
  'AdoptionRow.byStatus': () => ADOPTION_STATUS_LIMIT,
  'Subgraph.nodes': () => SUBGRAPH_NODE_LIMIT,
  'Subgraph.edges': () => SUBGRAPH_EDGE_LIMIT,
  // Provenance (src/provenance/bounds.ts). `facts(first)` is one object whose two lists each hold a
  // page of their own `first`, else of the `first` of `facts`.
  'Source.facts': () => 1,
  'SourceFacts.nodes': (_a, parent: FieldArgs) => num(parent.first, FACTS_PAGE_DEFAULT),
  'SourceFacts.relationships': (_a, parent: FieldArgs) => num(parent.first, FACTS_PAGE_DEFAULT),
  'Coverage.byTopic': () => COVERAGE_TOPIC_LIMIT,
  'Coverage.byLevel': () => COVERAGE_LEVEL_LIMIT,
  // Profiles: bounded by the model or cut where the answer is made (src/profiles/bounds.ts).
  ...Object.fromEntries(Object.entries(PROFILE_LIST_BOUNDS).map(([k, n]) => [k, () => n])),
  ...Object.fromEntries(Object.entries(CURATION_LIST_BOUNDS).map(([k, n]) => [k, () => n])),
  ...Object.fromEntries(Object.entries(PARTICIPATION_LIST_BOUNDS).map(([k, n]) => [k, () => n])),
  'WhatIfReport.removals': () => 50,
  'WhatIfReport.replacements': () => 50,
  'WhatIfReport.byExecutingLevel': () => 3,
  'ServiceRisks.byKind': () => 9,
  'InheritedRisk.path': (_a, parent) => num(parent.maxDepth, 6) + 1,
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

/** Every `sources` list of citations (of nodes, links, profile facts, rules) holds at most CITATION_LIMIT. */
export function citationBounds(schema: GraphQLSchema): CostRules['listBounds'] {
  const out: Record<string, () => number> = {};
  for (const t of Object.values(schema.getTypeMap())) {
    if (!isObjectType(t) || t.name.startsWith('__')) continue;
    const f = t.getFields().sources;
    if (f && isListType(getNullableType(f.type)) && getNamedType(f.type).name === 'Citation') out[`${t.name}.sources`] = () => CITATION_LIMIT;
  }
  return out;
}

/**
 * The list-valued properties of the model's node and link types (src/graph/propertyLists.ts):
 * scalars are free, the bound says what a client can get.
 */
export function propertyListBounds(model: Model): CostRules['listBounds'] {
  return Object.fromEntries(propertyLists(model).map((key) => [key, () => PROPERTY_LIST_LIMIT]));
}

/** The cost rules of this API's schema (generated from `model`: src/model). */
export function costRules(schema: GraphQLSchema, assumedListSize: number, work: WorkSizes = SEED_WORK, model: Model = MODEL): CostRules {
  return { assumedListSize, traversalPrices: TRAVERSAL_PRICES, work, listBounds: { ...LIST_BOUNDS, ...propertyListBounds(model), ...citationBounds(schema), ...connectionBounds(schema), ...introspectionBounds(schema) } };
}
