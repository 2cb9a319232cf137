// Components that reach the origin through DEPENDS_ON (for a standard origin: IMPLEMENTS as the last
// hop; standards have no outgoing DEPENDS_ON or IMPLEMENTS, so it can only be last), within $maxDepth
// hops; each with the length of its shortest chain and one such chain (component first, origin last).
// ANY SHORTEST searches breadth-first from the bound origin once, instead of once per component.
// The pattern's upper bound is the documented maximum of maxDepth (10); $maxDepth filters below it.
// Parameters: $id: origin id, $maxDepth: integer 1..10.
MATCH (o:GraphNode {id: $id})
MATCH p = ANY SHORTEST (c:Component)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(o)
WHERE c <> o AND length(p) <= $maxDepth
RETURN
  properties(c) AS component,
  labels(c) AS labels,
  length(p) AS distance,
  [n IN nodes(p) | {node: properties(n), labels: labels(n)}] AS path
ORDER BY distance, component.id
