import { getArgumentValues, getNamedType, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { collectFields, subSelections } from '../graph/projection/collectFields';
import { Projection } from '../graph/projection/Projection';
import { childNodes, scopeOf, selectedFields, type CompiledStatement } from '../graph/projection/statements';
import { checkRange, decodeCursor } from '../graph/validate';

/** Bounds of the page arguments of the impact lists. */
export const IMPACT_PAGE = { min: 1, max: 1000, fallback: 100 };

/** The range of a hit list the statement fetches: the union of every alias's page. */
export interface PageRange {
  readonly skip: number;
  readonly limit: number;
}

/** What the query selected of an impact report, worked out before the statement is built. */
export interface ImpactPlan {
  readonly components: PageRange | null;
  readonly componentPath: boolean;
  readonly services: PageRange | null;
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

/** The page an alias asks for: its offset and size (BAD_USER_INPUT when out of range). */
export function pageOf(args: { first?: number | null; after?: string | null }): PageRange {
  const limit = checkRange('first', args.first, IMPACT_PAGE.min, IMPACT_PAGE.max, IMPACT_PAGE.fallback);
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { skip, limit };
}

/**
 * The upper bound of the variable-length pattern (Cypher takes no parameter there). It is part of
 * the statement's shape, like a relationship type: an integer checked here, never text from a client.
 */
function depthBound(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) throw new Error(`maxDepth ${maxDepth} outside 1..10`);
  return maxDepth;
}

function union(ranges: readonly PageRange[]): PageRange | null {
  if (ranges.length === 0) return null;
  const skip = Math.min(...ranges.map((r) => r.skip));
  const end = Math.max(...ranges.map((r) => r.skip + r.limit));
  return { skip, limit: end - skip };
}

/**
 * Memory: Neo4j charges every row that ORDER BY ... LIMIT (its Top operator) keeps with all the values
 * in scope, so inside a subquery that imports the list of hits, a page of 100 rows was charged 100
 * times that list (almost 1 GB for a hub). Hence the lists are sorted once where they are built and
 * pages are slices of them; only plain sorts run where a list is in scope.
 *
 * Compiles `impactAnalysis` and everything selected below it into one statement: one breadth-first
 * search from the origin (a variable-length pattern whose only use is each end node's minimal
 * length: Neo4j 5 plans it as VarLengthExpand(Pruning,BFS), which visits every node once and keeps
 * its depth, O(nodes + relationships); ANY SHORTEST was 3x slower and used 50x the memory), the services of all hits in one expansion, every summary
 * part in the database and only when selected, and only the asked pages of hits with the selected
 * properties, a chain only when `path` is selected, `via` only when selected.
 */
export function impactStatement(info: GraphQLResolveInfo, id: string, maxDepth: number, sourcedOnly = false): { statement: CompiledStatement; plan: ImpactPlan } {
  const scope = scopeOf(info);
  const schema = info.schema;
  const variables = info.variableValues;
  const report = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = selectedFields(info, report);
  const p = new Projection(scope);
  const idParam = p.param(id);

  const componentNodes = childNodes(fields, 'components');
  const serviceNodes = childNodes(fields, 'services');
  const type = (name: string): GraphQLObjectType => schema.getType(name) as GraphQLObjectType;
  // The arguments of a selected field, with graphql-js's own coercion (variables, defaults).
  const argsOf = (parent: string, node: FieldNode): Record<string, unknown> => {
    const def = type(parent).getFields()[node.name.value];
    return def ? getArgumentValues(def, node, variables as Record<string, unknown>) : {};
  };
  const componentFields = collectFields(scope, type('ImpactedComponent'), subSelections(componentNodes));
  const serviceFields = collectFields(scope, type('ImpactedService'), subSelections(serviceNodes));
  const summaryFields = collectFields(scope, type('ImpactSummary'), subSelections(childNodes(fields, 'summary')));
  const has = (f: Map<string, FieldNode[]>, name: string): boolean => childNodes(f, name).length > 0;
  const organizationNodes = childNodes(summaryFields, 'organizations');
  // Coverage within the topics and levels of the answer needs those groups of the answer.
  const coverageFields = collectFields(scope, type('Coverage'), subSelections(childNodes(summaryFields, 'coverage')));

  const plan: ImpactPlan = {
    components: union(componentNodes.map((n) => pageOf(argsOf('ImpactReport', n)))),
    componentPath: has(componentFields, 'path'),
    services: union(serviceNodes.map((n) => pageOf(argsOf('ImpactReport', n)))),
    serviceVia: has(serviceFields, 'via'),
    serviceCount: has(summaryFields, 'serviceCount'),
    byLayer: has(summaryFields, 'byLayer'),
    byTopic: has(summaryFields, 'byTopic') || has(coverageFields, 'byTopic'),
    byLifeSituation: has(summaryFields, 'byLifeSituation'),
    byExecutingLevel: has(summaryFields, 'byExecutingLevel') || has(coverageFields, 'byLevel'),
    organizations: Math.max(0, ...organizationNodes.map((n) => checkRange('first', argsOf('ImpactSummary', n).first as number | null | undefined, 1, 1000, 100))),
    organizationCount: has(summaryFields, 'organizationCount'),
    byOrganizationLevel: has(summaryFields, 'byOrganizationLevel'),
    servicesByEvidence: has(summaryFields, 'servicesByEvidence'),
    // A chain shown is the sourced one when there is one among the shortest: that needs the evidence too.
    evidence:
      has(componentFields, 'evidence') || has(componentFields, 'path') || has(serviceFields, 'evidence') || has(summaryFields, 'componentsByEvidence') || has(summaryFields, 'servicesByEvidence'),
    coverage: has(summaryFields, 'coverage'),
  };
  const needServices =
    plan.services !== null || plan.serviceCount || plan.servicesByEvidence || plan.byTopic || plan.byLifeSituation || plan.byExecutingLevel || plan.organizations > 0 || plan.organizationCount || plan.byOrganizationLevel;
  const needOrganizations = plan.organizations > 0 || plan.organizationCount || plan.byOrganizationLevel;

  const anyNode = schema.getType('Node') as GraphQLNamedType;
  const sub = (f: Map<string, FieldNode[]>, name: string) => subSelections(childNodes(f, name));
  const groupSets = (name: string) => sub(collectFields(scope, type('GroupCount'), sub(summaryFields, name)), 'node');

  const lines: string[] = [
    `MATCH (o:GraphNode {id: ${idParam}})`,
    `WITH o, head([l IN labels(o) WHERE l <> 'GraphNode']) AS originLabel`,
    // One breadth-first search from the origin over incoming DEPENDS_ON and IMPLEMENTS. When the
    // evidence of hits is selected (and not only sourced links are followed anyway) a second one over
    // sourced links only: a hit is sourced when a sourced chain is among its shortest. The two meet in
    // one aggregation per component.
    plan.evidence && !sourcedOnly
      ? `CALL (o, originLabel) {
  WITH o WHERE originLabel IN ['Component', 'Standard']
  CALL (o) {
    MATCH p = (o)<-[:DEPENDS_ON|IMPLEMENTS*1..${depthBound(maxDepth)}]-(c:Component)
    WHERE c <> o
    WITH c, min(length(p)) AS d
    RETURN c, d, null AS sd
    UNION ALL
    MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..${depthBound(maxDepth)}]-(c:Component)
    WHERE c <> o AND all(r IN rs WHERE r.evidence = 'sourced')
    WITH c, min(length(p)) AS sd
    RETURN c, null AS d, sd
  }
  WITH c, min(d) AS d, min(sd) AS sd
  ORDER BY d, c.id
  RETURN collect({n: c, d: d, e: CASE WHEN sd = d THEN 'sourced' ELSE 'inferred' END}) AS comps
}`
      : `CALL (o, originLabel) {
  WITH o WHERE originLabel IN ['Component', 'Standard']
  MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..${depthBound(maxDepth)}]-(c:Component)
  WHERE c <> o${sourcedOnly ? " AND all(r IN rs WHERE r.evidence = 'sourced')" : ''}
  WITH c, min(length(p)) AS d
  ORDER BY d, c.id
  RETURN collect({n: c, d: d, e: ${sourcedOnly ? "'sourced'" : 'null'}}) AS comps
}`,
  ];
  const returns = ['originLabel', `${p.node('o', anyNode, subSelections(childNodes(fields, 'origin')))} AS origin`, 'size(comps) AS componentCount', "size([h IN comps WHERE h.e = 'sourced']) AS componentsSourced"];

  if (needServices) {
    // Every service that uses the origin or a hit, with the distance of its nearest used hit.
    lines.push(`CALL (o, comps) {
  UNWIND [{n: o, d: 0, e: 'sourced'}] + comps AS h
  WITH h.n AS x, h.d AS d, h.e AS e
  MATCH (s:Service)-[u:USES]->(x)${sourcedOnly ? " WHERE u.evidence = 'sourced'" : ''}
${
  plan.evidence && !sourcedOnly
    ? `  // Nearest first, a sourced chain preferred among the nearest: 2 * distance + (0 sourced, 1 inferred).
  WITH s, min(2 * (d + 1) + CASE WHEN e = 'sourced' AND u.evidence = 'sourced' THEN 0 ELSE 1 END) AS key
  WITH s, key / 2 AS d, CASE key % 2 WHEN 0 THEN 'sourced' ELSE 'inferred' END AS e`
    : `  WITH s, min(d) + 1 AS d, ${sourcedOnly ? "'sourced'" : 'null'} AS e`
}
  ORDER BY d, s.id
  RETURN collect({s: s, d: d, e: e}) AS svcs
}`);
    returns.push('size(svcs) AS serviceCount', "size([h IN svcs WHERE h.e = 'sourced']) AS servicesSourced");
  }

  // Chains and `via` follow the same links as the search.
  const chainRel = sourcedOnly ? "r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced'" : ':DEPENDS_ON|IMPLEMENTS';
  if (plan.components) {
    const chain = plan.componentPath
      ? `OPTIONAL CALL (c, o, e) {
    // The chain shown is sourced whenever the hit is (a sourced chain among the shortest).
    MATCH q = ANY SHORTEST (c)-[r:DEPENDS_ON|IMPLEMENTS WHERE ${sourcedOnly ? "r.evidence = 'sourced'" : "coalesce(e, '') <> 'sourced' OR r.evidence = 'sourced'"}]->{1,10}(o)
    RETURN q
  }
  WITH c, d, e, [n IN nodes(q) | ${p.node('n', anyNode, sub(componentFields, 'path'), false)}] AS path`
      : 'WITH c, d, e, null AS path';
    lines.push(`CALL (o, comps) {
  UNWIND comps[${p.intParam(plan.components.skip)}..${p.intParam(plan.components.skip + plan.components.limit)}] AS h
  WITH h.n AS c, h.d AS d, h.e AS e
  ${chain}
  RETURN collect({distance: d, evidence: e, path: path, component: ${p.node('c', type('Component'), sub(componentFields, 'component'))}}) AS componentPage
}`);
    returns.push('componentPage');
  }

  if (plan.services) {
    const via = plan.serviceVia
      ? `OPTIONAL CALL (s, d, o) {
    // The nearest used hit, one reached along sourced links first (the USES and the hit's chain), then by id.
    MATCH (s)-[u:USES]->(x)
    WHERE ${sourcedOnly ? "u.evidence = 'sourced' AND " : ''}((d = 1 AND x = o) OR (d > 1 AND x:Component AND x <> o
      AND COLLECT { MATCH q = ANY SHORTEST (x)-[${chainRel}]->{1,10}(o) RETURN length(q) }[0] = d - 1))
    WITH x, u.evidence = 'sourced' AND (x = o OR COLLECT { MATCH q = ANY SHORTEST (x)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o) RETURN length(q) }[0] = d - 1) AS sourced
    WITH x ORDER BY sourced DESC, x.id LIMIT 1
    RETURN ${p.node('x', anyNode, sub(serviceFields, 'via'))} AS via
  }`
      : 'WITH s, d, e, null AS via';
    lines.push(`CALL (o, svcs) {
  UNWIND svcs[${p.intParam(plan.services.skip)}..${p.intParam(plan.services.skip + plan.services.limit)}] AS h
  WITH h.s AS s, h.d AS d, h.e AS e
  ${via}
  RETURN collect({distance: d, evidence: e, via: via, service: ${p.node('s', type('Service'), sub(serviceFields, 'service'))}}) AS servicePage
}`);
    returns.push('servicePage');
  }

  if (plan.byLayer) {
    lines.push(`CALL (o, comps) {
  UNWIND [o] + [h IN comps | h.n] AS x
  MATCH (x)-[:IN_LAYER]->(l:Layer)
  WITH l, count(*) AS count
  ORDER BY count DESC, l.id
  RETURN collect({count: count, node: ${p.node('l', type('Layer'), groupSets('byLayer'))}}) AS byLayer
}`);
    returns.push('byLayer');
  }

  if (plan.byTopic || plan.byLifeSituation) {
    // Services grouped by the OzgServices they belong to (a few hundred groups), then the groups
    // counted per life situation (paths, as before) and per topic (each service once).
    lines.push(`CALL (svcs) {
  UNWIND svcs AS h
  WITH h.s AS s
  WITH [(s)-[:PART_OF]->(oz:OzgService) | oz] AS ozs
  WITH ozs, count(*) AS n
  WHERE size(ozs) > 0
  RETURN collect({ozs: ozs, n: n}) AS ozGroups
}`);
    if (plan.byLifeSituation) {
      lines.push(`CALL (ozGroups) {
  UNWIND ozGroups AS g
  UNWIND g.ozs AS oz
  MATCH (oz)-[:PART_OF]->(ls:LifeSituation)
  WITH ls, sum(g.n) AS count
  ORDER BY count DESC, ls.id
  RETURN collect({count: count, node: ${p.node('ls', type('LifeSituation'), groupSets('byLifeSituation'))}}) AS byLifeSituation
}`);
      returns.push('byLifeSituation');
    }
    if (plan.byTopic) {
      lines.push(`CALL (ozGroups) {
  UNWIND ozGroups AS g
  CALL (g) {
    UNWIND g.ozs AS oz
    MATCH (oz)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic)
    RETURN DISTINCT t
  }
  WITH t, sum(g.n) AS count
  ORDER BY count DESC, t.id
  RETURN collect({count: count, node: ${p.node('t', type('Topic'), groupSets('byTopic'))}}) AS byTopic
}`);
      returns.push('byTopic');
    }
  }

  if (plan.byExecutingLevel) {
    lines.push(`CALL (svcs) {
  UNWIND svcs AS h
  UNWIND coalesce(h.s.executingLevels, []) AS level
  WITH level, count(*) AS count
  RETURN collect({level: level, count: count}) AS byExecutingLevel
}`);
    returns.push('byExecutingLevel');
  }

  if (needOrganizations) {
    const orgSets = sub(collectFields(scope, type('ImpactedOrganization'), subSelections(organizationNodes)), 'organization');
    lines.push(`CALL (o, comps, svcs) {
  CALL (o, comps, svcs) {
    UNWIND [o] + [h IN comps | h.n] AS x
    MATCH (org:Organization)-[r:OPERATES|ADOPTS]->(x)
    RETURN org, type(r) AS relation
    UNION ALL
    UNWIND svcs AS h
    WITH h.s AS s
    MATCH (org:Organization)-[r:OFFERS]->(s)
    RETURN org, type(r) AS relation
  }
  WITH org, collect(DISTINCT relation) AS relations
  ORDER BY org.name, org.id
  WITH collect({org: org, relations: relations}) AS orgs
  CALL (orgs) {
    UNWIND orgs[0..${p.intParam(Math.max(plan.organizations, 1))}] AS a
    WITH a.org AS org, a.relations AS relations
    RETURN collect({relations: relations, organization: ${p.node('org', type('Organization'), orgSets)}}) AS organizations
  }
  CALL (orgs) {
    UNWIND orgs AS a
    WITH coalesce(a.org.level, 'unknown') AS level, count(*) AS count
    RETURN collect({level: level, count: count}) AS byOrganizationLevel
  }
  RETURN size(orgs) AS organizationCount, organizations, byOrganizationLevel
}`);
    returns.push('organizationCount', 'organizations', 'byOrganizationLevel');
  }

  lines.push(`RETURN ${returns.join(', ')}`);
  return { statement: { name: 'impact', text: lines.join('\n'), params: p.params }, plan };
}
