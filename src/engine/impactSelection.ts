import { getArgumentValues, getNamedType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { collectFields, subSelections } from './collectFields';
import { coveringPage, pageOf, type Page, type PageBounds } from './paging';
import { childNodes, scopeOf, selectedFields } from './statements';

/** Bounds of the page arguments of the impact lists (`components`, `services`). */
export const IMPACT_PAGE: PageBounds = { min: 1, max: 1000, fallback: 100 };

/** Bounds of `summary.organizations(first)`. */
const ORGANIZATIONS_PAGE: PageBounds = { min: 1, max: 1000, fallback: 100 };

/** What the query selected of an impact report, worked out before the statement is built. */
export interface ImpactPlan {
  /** The range of the component hits to fetch: the union of every alias's page; null when not selected. */
  readonly components: Page | null;
  readonly componentPath: boolean;
  readonly services: Page | null;
  readonly serviceVia: boolean;
  readonly serviceCount: boolean;
  readonly byLayer: boolean;
  readonly byTopic: boolean;
  readonly byLifeSituation: boolean;
  readonly byExecutingLevel: boolean;
  /** Largest `first` of `summary.organizations`, 0 when not selected. */
  readonly organizations: number;
  readonly organizationCount: boolean;
  readonly byOrganizationLevel: boolean;
  readonly servicesByEvidence: boolean;
  /** Whether any evidence of hits is selected (else the search over sourced links is skipped). */
  readonly evidence: boolean;
  /** Coverage needs the topics and levels the answer touches. */
  readonly coverage: boolean;
}

/** The selection sets below an impact report that the statement projects nodes for. */
export interface ImpactSelectionSets {
  readonly origin: SelectionSetNode[];
  /** `components { component }` and `components { path }`. */
  readonly component: SelectionSetNode[];
  readonly path: SelectionSetNode[];
  /** `services { service }` and `services { via }`. */
  readonly service: SelectionSetNode[];
  readonly via: SelectionSetNode[];
  /** `summary { byLayer { node } }`, `byTopic`, `byLifeSituation`. */
  readonly byLayer: SelectionSetNode[];
  readonly byTopic: SelectionSetNode[];
  readonly byLifeSituation: SelectionSetNode[];
  /** `summary { organizations { organization } }`. */
  readonly organization: SelectionSetNode[];
}

/** The plan of an impact report and the selection sets of the nodes it returns. */
export interface ImpactSelection {
  readonly plan: ImpactPlan;
  readonly sets: ImpactSelectionSets;
}

/**
 * Reads what the query selected below `impactAnalysis` (aliases, fragments, `@skip`/`@include` and
 * variables as graphql-js executes them): which parts to compute, which pages to fetch, and what to
 * project of each node. BAD_USER_INPUT for a page argument out of range.
 */
export function selectImpact(info: GraphQLResolveInfo): ImpactSelection {
  const scope = scopeOf(info);
  const schema = info.schema;
  const report = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = selectedFields(info, report);
  const type = (name: string): GraphQLObjectType => schema.getType(name) as GraphQLObjectType;
  // The arguments of a selected field, with graphql-js's own coercion (variables, defaults).
  const argsOf = (parent: string, node: FieldNode): Record<string, unknown> => {
    const def = type(parent).getFields()[node.name.value];
    return def ? getArgumentValues(def, node, info.variableValues as Record<string, unknown>) : {};
  };
  const has = (f: Map<string, FieldNode[]>, name: string): boolean => childNodes(f, name).length > 0;
  const sub = (f: Map<string, FieldNode[]>, name: string): SelectionSetNode[] => subSelections(childNodes(f, name));

  const componentNodes = childNodes(fields, 'components');
  const serviceNodes = childNodes(fields, 'services');
  const componentFields = collectFields(scope, type('ImpactedComponent'), subSelections(componentNodes));
  const serviceFields = collectFields(scope, type('ImpactedService'), subSelections(serviceNodes));
  const summaryFields = collectFields(scope, type('ImpactSummary'), sub(fields, 'summary'));
  const organizationNodes = childNodes(summaryFields, 'organizations');
  // Coverage within the topics and levels of the answer needs those groups of the answer.
  const coverageFields = collectFields(scope, type('Coverage'), sub(summaryFields, 'coverage'));
  const groupSets = (name: string): SelectionSetNode[] => sub(collectFields(scope, type('GroupCount'), sub(summaryFields, name)), 'node');

  const plan: ImpactPlan = {
    components: coveringPage(componentNodes.map((n) => pageOf(argsOf('ImpactReport', n), IMPACT_PAGE))),
    componentPath: has(componentFields, 'path'),
    services: coveringPage(serviceNodes.map((n) => pageOf(argsOf('ImpactReport', n), IMPACT_PAGE))),
    serviceVia: has(serviceFields, 'via'),
    serviceCount: has(summaryFields, 'serviceCount'),
    byLayer: has(summaryFields, 'byLayer'),
    byTopic: has(summaryFields, 'byTopic') || has(coverageFields, 'byTopic'),
    byLifeSituation: has(summaryFields, 'byLifeSituation'),
    byExecutingLevel: has(summaryFields, 'byExecutingLevel') || has(coverageFields, 'byLevel'),
    organizations: Math.max(0, ...organizationNodes.map((n) => pageOf(argsOf('ImpactSummary', n), ORGANIZATIONS_PAGE).limit)),
    organizationCount: has(summaryFields, 'organizationCount'),
    byOrganizationLevel: has(summaryFields, 'byOrganizationLevel'),
    servicesByEvidence: has(summaryFields, 'servicesByEvidence'),
    // A chain shown is the sourced one when there is one among the shortest: that needs the evidence too.
    evidence:
      has(componentFields, 'evidence') || has(componentFields, 'path') || has(serviceFields, 'evidence') || has(summaryFields, 'componentsByEvidence') || has(summaryFields, 'servicesByEvidence'),
    coverage: has(summaryFields, 'coverage'),
  };
  const sets: ImpactSelectionSets = {
    origin: sub(fields, 'origin'),
    component: sub(componentFields, 'component'),
    path: sub(componentFields, 'path'),
    service: sub(serviceFields, 'service'),
    via: sub(serviceFields, 'via'),
    byLayer: groupSets('byLayer'),
    byTopic: groupSets('byTopic'),
    byLifeSituation: groupSets('byLifeSituation'),
    organization: sub(collectFields(scope, type('ImpactedOrganization'), subSelections(organizationNodes)), 'organization'),
  };
  return { plan, sets };
}

/** Whether the statement must find the services of the hits (a page of them, or a part that counts or groups them). */
export function needsServices(plan: ImpactPlan): boolean {
  return plan.services !== null || plan.serviceCount || plan.servicesByEvidence || plan.byTopic || plan.byLifeSituation || plan.byExecutingLevel || needsOrganizations(plan);
}

/** Whether the statement must find the organisations of what is hit. */
export function needsOrganizations(plan: ImpactPlan): boolean {
  return plan.organizations > 0 || plan.organizationCount || plan.byOrganizationLevel;
}
