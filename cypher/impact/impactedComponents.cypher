// Components that reach the origin through DEPENDS_ON (for a standard origin: IMPLEMENTS as the last
// hop), within $maxDepth hops; each with the length of its shortest chain, one such chain (component
// first, origin last) and its evidence: sourced when a chain of only sourced links is among the
// shortest. With $sourcedOnly only sourced links are followed.
// Parameters: $id: origin id, $maxDepth: integer 1..10, $sourcedOnly: boolean.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  MATCH p = ANY SHORTEST (c:Component)-[r:DEPENDS_ON|IMPLEMENTS WHERE NOT $sourcedOnly OR r.evidence = 'sourced']->{1,10}(o)
  WHERE c <> o AND length(p) <= $maxDepth
  RETURN c, length(p) AS d, p
}
OPTIONAL CALL (o, c) {
  MATCH q = ANY SHORTEST (c)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o)
  RETURN q
}
WITH c, d, CASE WHEN q IS NOT NULL AND length(q) = d THEN q ELSE p END AS chain, CASE WHEN q IS NOT NULL AND length(q) = d THEN 'sourced' ELSE 'inferred' END AS evidence
RETURN
  properties(c) AS component,
  labels(c) AS labels,
  d AS distance,
  evidence,
  [n IN nodes(chain) | {node: properties(n), labels: labels(n)}] AS path
ORDER BY distance, component.id
