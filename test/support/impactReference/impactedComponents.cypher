// Components that reach the origin through DEPENDS_ON (for a standard origin: IMPLEMENTS as the last
// hop), within $maxDepth hops; each with the length of its shortest chain, one such chain (component
// first, origin last) and its evidence: sourced when a chain of only sourced links is among the
// shortest (that chain is then the one shown), secondary when a chain of sourced and secondary links
// is, else inferred. Three searches from the origin (all links unless $sourcedOnly, sourced links
// only, sourced and secondary links), met in one aggregation per component.
// Parameters: $id: origin id, $maxDepth: integer 1..10, $sourcedOnly: boolean.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  MATCH p = ANY SHORTEST (c:Component)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(o)
  WHERE NOT $sourcedOnly AND c <> o AND length(p) <= $maxDepth
  RETURN c, p, null AS q, null AS t
  UNION ALL
  MATCH q = ANY SHORTEST (c:Component)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(o)
  WHERE c <> o AND length(q) <= $maxDepth
  RETURN c, null AS p, q, null AS t
  UNION ALL
  MATCH t = ANY SHORTEST (c:Component)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence IN ['sourced', 'secondary']]->{1,10}(o)
  WHERE NOT $sourcedOnly AND c <> o AND length(t) <= $maxDepth
  RETURN c, null AS p, null AS q, t
}
WITH c, collect(p)[0] AS p, collect(q)[0] AS q, collect(t)[0] AS t
WITH c, p, q, t, q IS NOT NULL AND (p IS NULL OR length(q) = length(p)) AS sourced, t IS NOT NULL AND (p IS NULL OR length(t) = length(p)) AS secondary
WITH c, CASE WHEN sourced THEN q WHEN secondary THEN t ELSE p END AS chain, CASE WHEN sourced THEN 'sourced' WHEN secondary THEN 'secondary' ELSE 'inferred' END AS evidence
RETURN
  properties(c) AS component,
  labels(c) AS labels,
  length(chain) AS distance,
  evidence,
  [n IN nodes(chain) | {node: properties(n), labels: labels(n)}] AS path
ORDER BY distance, component.id
