import { isAbstractType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { NodeRecord } from '../graph/records';
import { collectFields } from './collectFields';
import { executingLevelGroups, layerGroups, lifeSituationGroups, organizationGroups, ozGroups, topicGroups } from './impactGroups';
import { componentPage, servicePage } from './impactPages';
import { hitSearch, originMatch, servicesOfHits } from './impactSearch';
import { needsOrganizations, needsServices, selectImpact, type ImpactPlan, type ImpactSelectionSets } from './impactSelection';
import { Projection } from './Projection';
import { scopeOf, type CompiledStatement } from './statements';

export type { ImpactPlan } from './impactSelection';
import type { ImpactHits, ImpactHitsArgs } from '../traversal/impactHits';

/**
 * Compiles `impactAnalysis` and everything selected below it into one statement: one breadth-first
 * search from the origin (impactSearch.ts), the services of all hits in one expansion, every summary
 * part in the database and only when selected (impactGroups.ts), and only the asked pages of hits with
 * the selected properties, a chain only when `path` is selected, `via` only when selected
 * (impactPages.ts). Values (the id, page bounds) are parameters; the row has one column per part.
 *
 * Memory: Neo4j charges every row that ORDER BY ... LIMIT (its Top operator) keeps with all the values
 * in scope, so inside a subquery that imports the list of hits, a page of 100 rows was charged 100
 * times that list (almost 1 GB for a hub). Hence the lists are sorted once where they are built and
 * pages are slices of them; only plain sorts run where a list is in scope.
 */
export function impactStatement(info: GraphQLResolveInfo, id: string, maxDepth: number, sourcedOnly = false): CompiledImpact {
  const { plan, sets } = selectImpact(info);
  const schema = info.schema;
  const type = (name: string): GraphQLObjectType => schema.getType(name) as GraphQLObjectType;
  const anyNode = schema.getType('Node') as GraphQLNamedType;
  const p = new Projection(scopeOf(info));
  // The sourced search runs only when the evidence is asked and not every link is sourced anyway.
  const evidence = plan.evidence && !sourcedOnly;

  const parts: string[] = [originMatch(p.param(id)), hitSearch({ maxDepth, sourcedOnly, evidence })];
  const returns = ['originLabel', `${p.node('o', anyNode, sets.origin)} AS origin`, 'size(comps) AS componentCount', "size([h IN comps WHERE h.e = 'sourced']) AS componentsSourced", "size([h IN comps WHERE h.e = 'secondary']) AS componentsSecondary"];

  if (needsServices(plan)) {
    parts.push(servicesOfHits({ sourcedOnly, evidence }));
    returns.push('size(svcs) AS serviceCount', "size([h IN svcs WHERE h.e = 'sourced']) AS servicesSourced", "size([h IN svcs WHERE h.e = 'secondary']) AS servicesSecondary");
  }
  if (plan.components) {
    const path = plan.componentPath ? p.node('n', anyNode, sets.path, 'properties') : null;
    const from = p.intParam(plan.components.skip);
    const to = p.intParam(plan.components.skip + plan.components.limit);
    parts.push(componentPage({ from, to, path, component: p.node('c', type('Component'), sets.component), sourcedOnly }));
    returns.push('componentPage');
  }
  if (plan.services) {
    const via = plan.serviceVia ? p.node('x', anyNode, sets.via) : null;
    const from = p.intParam(plan.services.skip);
    const to = p.intParam(plan.services.skip + plan.services.limit);
    parts.push(servicePage({ from, to, via, service: p.node('s', type('Service'), sets.service), sourcedOnly }));
    returns.push('servicePage');
  }
  if (plan.byLayer) {
    parts.push(layerGroups(p.node('l', type('Layer'), sets.byLayer)));
    returns.push('byLayer');
  }
  if (plan.byTopic || plan.byLifeSituation) {
    parts.push(ozGroups());
    if (plan.byLifeSituation) {
      parts.push(lifeSituationGroups(p.node('ls', type('LifeSituation'), sets.byLifeSituation)));
      returns.push('byLifeSituation');
    }
    if (plan.byTopic) {
      parts.push(topicGroups(p.node('t', type('Topic'), sets.byTopic)));
      returns.push('byTopic');
    }
  }
  if (plan.byExecutingLevel) {
    parts.push(executingLevelGroups());
    returns.push('byExecutingLevel');
  }
  if (needsOrganizations(plan)) {
    const first = p.intParam(Math.max(plan.organizations, 1));
    parts.push(organizationGroups({ first, organization: p.node('org', type('Organization'), sets.organization) }));
    returns.push('organizationCount', 'organizations', 'byOrganizationLevel');
  }

  parts.push(`RETURN ${returns.join(', ')}`);
  return {
    statement: { name: 'impact', text: parts.join('\n'), params: p.params },
    plan,
    hits: indexable(plan) ? hitsArgs(plan, id, maxDepth, sourcedOnly) : null,
    hydrate: (hits) => hydrateStatement(info, id, hits, sourcedOnly),
    direct: idsOnly(info, plan, sets) ? (hits) => directRow(plan, id, hits) : () => null,
  };
}

/** Fields of a node whose answer is in the index (its id) or in its type. */
const INDEX_FIELDS = new Set(['id', '__typename']);

/**
 * Whether every node the report returns is selected with its id (and type name) only, with no chain
 * and no `via`: then the index's answer holds all of it and Neo4j has nothing to add.
 */
function idsOnly(info: GraphQLResolveInfo, plan: ImpactPlan, sets: ImpactSelectionSets): boolean {
  if (plan.componentPath || plan.serviceVia) return false;
  const scope = scopeOf(info);
  const only = (typeName: string, selection: readonly SelectionSetNode[]): boolean => {
    const type = info.schema.getType(typeName) as GraphQLNamedType;
    const types = isAbstractType(type) ? info.schema.getPossibleTypes(type) : [type as GraphQLObjectType];
    return types.every((t) => [...collectFields(scope, t, selection).values()].every((nodes) => nodes.every((f) => INDEX_FIELDS.has(f.name.value))));
  };
  return (
    only('Node', sets.origin) &&
    only('Component', sets.component) &&
    only('Service', sets.service) &&
    only('Layer', sets.byLayer) &&
    only('Topic', sets.byTopic) &&
    only('LifeSituation', sets.byLifeSituation)
  );
}

/**
 * The row the hydrate statement would return, made from the index's answer alone (for a selection of
 * ids only): the origin, the pages in the index's order and the groups, each node as its id and type.
 * Null when the index does not know the origin as a component or standard (the statement then reports it).
 */
function directRow(plan: ImpactPlan, id: string, hits: ImpactHits): Record<string, unknown> | null {
  const label = hits.originLabel;
  if (!label) return null;
  const node = (nodeId: string, nodeLabel: string): NodeRecord => ({ id: nodeId, name: nodeId, label: nodeLabel });
  const row: Record<string, unknown> = { originLabel: label, origin: node(id, label) };
  if (plan.components) row.componentPage = hits.components.map((h) => ({ distance: h.d, evidence: h.e, path: null, component: node(h.id, 'Component') }));
  if (plan.services) row.servicePage = hits.services.map((h) => ({ distance: h.d, evidence: h.e, via: null, service: node(h.id, 'Service') }));
  const groups = (list: readonly { id: string; count: number }[], groupLabel: string) => list.map((g) => ({ count: g.count, node: node(g.id, groupLabel) }));
  if (plan.byLayer) row.byLayer = groups(hits.byLayer, 'Layer');
  if (plan.byTopic) row.byTopic = groups(hits.byTopic, 'Topic');
  if (plan.byLifeSituation) row.byLifeSituation = groups(hits.byLifeSituation, 'LifeSituation');
  return row;
}

/**
 * The index's hits of one page as the list `name` of `{<key>: node, d, e}` maps that the page parts
 * (impactPages.ts) read, looked up by id in the index's order; `list` names the parameter.
 */
function hitList(list: string, key: 'n' | 's', name: 'comps' | 'svcs'): string {
  return `CALL () {
  UNWIND ${list} AS h
  MATCH (x:GraphNode {id: h.id})
  WITH x, h ORDER BY h.i
  RETURN collect({${key}: x, d: h.d, e: h.e}) AS ${name}
}`;
}

/** An impact compiled both ways: one statement that searches in Neo4j, or the index's hits filled in by a smaller one. */
export interface CompiledImpact {
  /** The statement that answers everything in Neo4j (the search included). */
  readonly statement: CompiledStatement;
  readonly plan: ImpactPlan;
  /** What to ask the traversal index, or null when the selection needs what only the statement answers (organisations). */
  readonly hits: ImpactHitsArgs | null;
  /** The statement that projects the index's hits and groups with what is selected (their properties, chains and `via`). */
  readonly hydrate: (hits: ImpactHits) => CompiledStatement;
  /**
   * The hydrate statement's row made without Neo4j when the selection asks the nodes for their ids
   * only and the index knows the origin; else null.
   */
  readonly direct: (hits: ImpactHits) => Record<string, unknown> | null;
}

/** Whether the traversal index answers the topology of this selection (it holds no organisations). */
function indexable(plan: ImpactPlan): boolean {
  return plan.organizations === 0 && !plan.organizationCount && !plan.byOrganizationLevel;
}

function hitsArgs(plan: ImpactPlan, origin: string, maxDepth: number, sourcedOnly: boolean): ImpactHitsArgs {
  return {
    origin,
    maxDepth,
    sourcedOnly,
    evidence: plan.evidence,
    components: plan.components ? { skip: plan.components.skip, limit: plan.components.limit } : null,
    services: plan.services ? { skip: plan.services.skip, limit: plan.services.limit } : null,
    byLayer: plan.byLayer,
    byTopic: plan.byTopic,
    byLifeSituation: plan.byLifeSituation,
    byExecutingLevel: plan.byExecutingLevel,
  };
}

/**
 * The statement that turns the index's answer into the row of the compiled statement: the origin,
 * the asked pages of hits (looked up by id, in the index's order) and the group nodes, each projected
 * with what is selected; chains (`path`) and `via` are found in Neo4j for the page only, as in the full
 * statement. Counts and executing levels come from the index and are added by the caller.
 */
function hydrateStatement(info: GraphQLResolveInfo, id: string, hits: ImpactHits, sourcedOnly: boolean): CompiledStatement {
  const { plan, sets } = selectImpact(info);
  const schema = info.schema;
  const type = (name: string): GraphQLObjectType => schema.getType(name) as GraphQLObjectType;
  const anyNode = schema.getType('Node') as GraphQLNamedType;
  const p = new Projection(scopeOf(info));
  const numbered = (list: readonly { id: string; d: number; e: string | null }[]) => list.map((h, i) => ({ i, id: h.id, d: h.d, e: h.e }));
  const parts: string[] = [originMatch(p.param(id))];
  const returns = ['originLabel', `${p.node('o', anyNode, sets.origin)} AS origin`];
  if (plan.components) {
    parts.push(hitList(p.param(numbered(hits.components)), 'n', 'comps'));
    const path = plan.componentPath ? p.node('n', anyNode, sets.path, 'properties') : null;
    parts.push(componentPage({ from: p.intParam(0), to: p.intParam(hits.components.length), path, component: p.node('c', type('Component'), sets.component), sourcedOnly }));
    returns.push('componentPage');
  }
  if (plan.services) {
    parts.push(hitList(p.param(numbered(hits.services)), 's', 'svcs'));
    const via = plan.serviceVia ? p.node('x', anyNode, sets.via) : null;
    parts.push(servicePage({ from: p.intParam(0), to: p.intParam(hits.services.length), via, service: p.node('s', type('Service'), sets.service), sourcedOnly }));
    returns.push('servicePage');
  }
  const groups = (name: string, label: string, list: readonly { id: string; count: number }[], projection: string): void => {
    parts.push(`CALL () {
  UNWIND ${p.param(list)} AS g
  MATCH (x:GraphNode {id: g.id})
  WHERE x:${label}
  WITH x, g.count AS count
  ORDER BY count DESC, x.id
  RETURN collect({count: count, node: ${projection}}) AS ${name}
}`);
    returns.push(name);
  };
  if (plan.byLayer) groups('byLayer', 'Layer', hits.byLayer, p.node('x', type('Layer'), sets.byLayer));
  if (plan.byTopic) groups('byTopic', 'Topic', hits.byTopic, p.node('x', type('Topic'), sets.byTopic));
  if (plan.byLifeSituation) groups('byLifeSituation', 'LifeSituation', hits.byLifeSituation, p.node('x', type('LifeSituation'), sets.byLifeSituation));
  parts.push(`RETURN ${returns.join(', ')}`);
  return { name: 'impactHydrate', text: parts.join('\n'), params: p.params };
}
