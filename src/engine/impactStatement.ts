import { type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { executingLevelGroups, layerGroups, lifeSituationGroups, organizationGroups, ozGroups, topicGroups } from './impactGroups';
import { componentPage, servicePage } from './impactPages';
import { hitSearch, originMatch, servicesOfHits } from './impactSearch';
import { needsOrganizations, needsServices, selectImpact, type ImpactPlan } from './impactSelection';
import { Projection } from './Projection';
import { scopeOf, type CompiledStatement } from './statements';

export type { ImpactPlan } from './impactSelection';

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
export function impactStatement(info: GraphQLResolveInfo, id: string, maxDepth: number, sourcedOnly = false): { statement: CompiledStatement; plan: ImpactPlan } {
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
    const path = plan.componentPath ? p.node('n', anyNode, sets.path, false) : null;
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
  return { statement: { name: 'impact', text: parts.join('\n'), params: p.params }, plan };
}
