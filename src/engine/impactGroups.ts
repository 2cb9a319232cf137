/**
 * The summary parts of the impact statement: the hits counted by group in the database, largest group
 * first. Each reads the lists `comps` and/or `svcs` of impactSearch.ts and returns one variable named
 * after its summary field; `node` is the Projection's map expression of the group's node.
 */

/** Hit nodes (the origin included) per layer into `byLayer`, `node` over `l`. */
export function layerGroups(node: string): string {
  return `CALL (o, comps) {
  UNWIND [o] + [h IN comps | h.n] AS x
  MATCH (x)-[:IN_LAYER]->(l:Layer)
  WITH l, count(*) AS count
  ORDER BY count DESC, l.id
  RETURN collect({count: count, node: ${node}}) AS byLayer
}`;
}

/**
 * The hit services grouped by the OzgServices they belong to into `ozGroups` (a few hundred groups,
 * each `{ozs, n}`): what the topic and life-situation counts start from.
 */
export function ozGroups(): string {
  return `CALL (svcs) {
  UNWIND svcs AS h
  WITH h.s AS s
  WITH [(s)-[:PART_OF]->(oz:OzgService) | oz] AS ozs
  WITH ozs, count(*) AS n
  WHERE size(ozs) > 0
  RETURN collect({ozs: ozs, n: n}) AS ozGroups
}`;
}

/** Hit services per life situation into `byLifeSituation` (paths counted), `node` over `ls`. */
export function lifeSituationGroups(node: string): string {
  return `CALL (ozGroups) {
  UNWIND ozGroups AS g
  UNWIND g.ozs AS oz
  MATCH (oz)-[:PART_OF]->(ls:LifeSituation)
  WITH ls, sum(g.n) AS count
  ORDER BY count DESC, ls.id
  RETURN collect({count: count, node: ${node}}) AS byLifeSituation
}`;
}

/** Hit services per OZG topic into `byTopic` (each service once per topic), `node` over `t`. */
export function topicGroups(node: string): string {
  return `CALL (ozGroups) {
  UNWIND ozGroups AS g
  CALL (g) {
    UNWIND g.ozs AS oz
    MATCH (oz)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic)
    RETURN DISTINCT t
  }
  WITH t, sum(g.n) AS count
  ORDER BY count DESC, t.id
  RETURN collect({count: count, node: ${node}}) AS byTopic
}`;
}

/** Hit services per executing level into `byExecutingLevel` (unsorted: the caller sorts the few levels). */
export function executingLevelGroups(): string {
  return `CALL (svcs) {
  UNWIND svcs AS h
  UNWIND coalesce(h.s.executingLevels, []) AS level
  WITH level, count(*) AS count
  RETURN collect({level: level, count: count}) AS byExecutingLevel
}`;
}

/**
 * The organisations that operate or adopt a hit node or offer a hit service, by name: their number
 * into `organizationCount`, the first `first` (a parameter name) into `organizations` with
 * `organization` projected over `org`, and their number per level into `byOrganizationLevel`.
 */
export function organizationGroups(opts: { first: string; organization: string }): string {
  return `CALL (o, comps, svcs) {
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
    UNWIND orgs[0..${opts.first}] AS a
    WITH a.org AS org, a.relations AS relations
    RETURN collect({relations: relations, organization: ${opts.organization}}) AS organizations
  }
  CALL (orgs) {
    UNWIND orgs AS a
    WITH coalesce(a.org.level, 'unknown') AS level, count(*) AS count
    RETURN collect({level: level, count: count}) AS byOrganizationLevel
  }
  RETURN size(orgs) AS organizationCount, organizations, byOrganizationLevel
}`;
}
