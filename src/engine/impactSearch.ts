/**
 * The search part of the impact statement: the origin, the breadth-first search for the components
 * it hits and the services of those hits. Each function returns Cypher text that refers to values only
 * through the parameter names it is given; the one number in the text, the depth bound of the
 * variable-length pattern (Cypher takes no parameter there), is an integer checked here.
 */

/** The upper bound of the variable-length pattern: an integer 1..10, never text from a client. */
export function depthBound(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) throw new Error(`maxDepth ${maxDepth} outside 1..10`);
  return maxDepth;
}

/** Binds the origin `o` (the node whose id is the parameter `id`) and its label `originLabel`. */
export function originMatch(id: string): string {
  return `MATCH (o:GraphNode {id: ${id}})
WITH o, head([l IN labels(o) WHERE l <> 'GraphNode']) AS originLabel`;
}

/**
 * One breadth-first search from the origin over incoming DEPENDS_ON and IMPLEMENTS (a variable-length
 * pattern whose only use is each end node's minimal length: Neo4j 5 plans it as
 * VarLengthExpand(Pruning,BFS), which visits every node once and keeps its depth; ANY SHORTEST was
 * 3x slower and used 50x the memory), into `comps`: one map `{n, d, e}` per hit component, nearest
 * first, then by id. When the evidence of hits is needed (and not only sourced links are followed
 * anyway) a second search over sourced links only and a third over sourced and secondary links: a hit
 * is sourced when a sourced chain is among its shortest, secondary when a chain of sourced and
 * secondary links is, else inferred. They meet in one aggregation per component. Only a Component or Standard has hits.
 */
export function hitSearch(opts: { maxDepth: number; sourcedOnly: boolean; evidence: boolean }): string {
  const bound = depthBound(opts.maxDepth);
  if (opts.evidence && !opts.sourcedOnly) {
    return `CALL (o, originLabel) {
  WITH o WHERE originLabel IN ['Component', 'Standard']
  CALL (o) {
    MATCH p = (o)<-[:DEPENDS_ON|IMPLEMENTS*1..${bound}]-(c:Component)
    WHERE c <> o
    WITH c, min(length(p)) AS d
    RETURN c, d, null AS sd, null AS td
    UNION ALL
    MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..${bound}]-(c:Component)
    WHERE c <> o AND all(r IN rs WHERE r.evidence = 'sourced')
    WITH c, min(length(p)) AS sd
    RETURN c, null AS d, sd, null AS td
    UNION ALL
    MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..${bound}]-(c:Component)
    WHERE c <> o AND all(r IN rs WHERE r.evidence IN ['sourced', 'secondary'])
    WITH c, min(length(p)) AS td
    RETURN c, null AS d, null AS sd, td
  }
  WITH c, min(d) AS d, min(sd) AS sd, min(td) AS td
  ORDER BY d, c.id
  RETURN collect({n: c, d: d, e: CASE WHEN sd = d THEN 'sourced' WHEN td = d THEN 'secondary' ELSE 'inferred' END}) AS comps
}`;
  }
  return `CALL (o, originLabel) {
  WITH o WHERE originLabel IN ['Component', 'Standard']
  MATCH p = (o)<-[rs:DEPENDS_ON|IMPLEMENTS*1..${bound}]-(c:Component)
  WHERE c <> o${opts.sourcedOnly ? " AND all(r IN rs WHERE r.evidence = 'sourced')" : ''}
  WITH c, min(length(p)) AS d
  ORDER BY d, c.id
  RETURN collect({n: c, d: d, e: ${opts.sourcedOnly ? "'sourced'" : 'null'}}) AS comps
}`;
}

/**
 * Every service that uses the origin or a hit, into `svcs`: one map `{s, d, e}` per service with the
 * distance of its nearest used hit plus one, nearest first, then by id; with the evidence, a sourced
 * chain is preferred among the nearest (the USES and the hit's chain).
 */
export function servicesOfHits(opts: { sourcedOnly: boolean; evidence: boolean }): string {
  const nearest =
    opts.evidence && !opts.sourcedOnly
      ? `  // Nearest first, the surest chain preferred among the nearest: 3 * distance + the weaker of the
  // hit's and the USES' evidence (0 sourced, 1 secondary, 2 anything else).
  WITH s, min(3 * (d + 1) + CASE WHEN e = 'sourced' AND u.evidence = 'sourced' THEN 0 WHEN e IN ['sourced', 'secondary'] AND u.evidence IN ['sourced', 'secondary'] THEN 1 ELSE 2 END) AS key
  WITH s, key / 3 AS d, CASE key % 3 WHEN 0 THEN 'sourced' WHEN 1 THEN 'secondary' ELSE 'inferred' END AS e`
      : `  WITH s, min(d) + 1 AS d, ${opts.sourcedOnly ? "'sourced'" : 'null'} AS e`;
  return `CALL (o, comps) {
  UNWIND [{n: o, d: 0, e: 'sourced'}] + comps AS h
  WITH h.n AS x, h.d AS d, h.e AS e
  MATCH (s:Service)-[u:USES]->(x)${opts.sourcedOnly ? " WHERE u.evidence = 'sourced'" : ''}
${nearest}
  ORDER BY d, s.id
  RETURN collect({s: s, d: d, e: e}) AS svcs
}`;
}
