// Components that reach the origin through DEPENDS_ON (for a standard origin: IMPLEMENTS as the last
// hop), within $maxDepth hops; each with the length of its shortest chain, one such chain (component
// first, origin last) and its evidence: sourced when a chain of only sourced links is among the
// shortest (that chain is then the one shown). Two breadth-first searches from the origin (all links
// unless $sourcedOnly, and sourced links only), met in one aggregation per component.
// Parameters: $id: origin id, $maxDepth: integer 1..10, $sourcedOnly: boolean.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  MATCH p = ANY SHORTEST (c:Component)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(o)
  WHERE NOT $sourcedOnly AND c <> o AND length(p) <= $maxDepth
  RETURN c, p, null AS q
  UNION ALL
  MATCH q = ANY SHORTEST (c:Component)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o)
  WHERE c <> o AND length(q) <= $maxDepth
  RETURN c, null AS p, q
}
WITH c, collect(p)[0] AS p, collect(q)[0] AS q
WITH c, CASE WHEN q IS NOT NULL AND (p IS NULL OR length(q) = length(p)) THEN q ELSE p END AS chain, q IS NOT NULL AND (p IS NULL OR length(q) = length(p)) AS sourced
RETURN
  properties(c) AS component,
  labels(c) AS labels,
  length(chain) AS distance,
  CASE WHEN sourced THEN 'sourced' ELSE 'inferred' END AS evidence,
  [n IN nodes(chain) | {node: properties(n), labels: labels(n)}] AS path
ORDER BY distance, component.id
