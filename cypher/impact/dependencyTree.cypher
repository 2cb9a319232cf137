// What a node builds on: every component or standard reachable forward over DEPENDS_ON and IMPLEMENTS
// within $maxDepth hops, with the length of the shortest chain, the node before it on that chain, the
// relationship type of the last hop and the chain's evidence: sourced when a chain of only sourced
// links is among the shortest (that chain is then the one reported). With $sourcedOnly only sourced
// links are followed. The pattern bound is the maximum of maxDepth (10).
// Parameters: $id: root id, $maxDepth: integer 1..10, $sourcedOnly: boolean.
MATCH (o:GraphNode {id: $id})
MATCH p = ANY SHORTEST (o)-[r:DEPENDS_ON|IMPLEMENTS WHERE NOT $sourcedOnly OR r.evidence = 'sourced']->{1,10}(x:Component|Standard)
WHERE x <> o AND length(p) <= $maxDepth
OPTIONAL CALL (o, x) {
  MATCH q = ANY SHORTEST (o)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(x)
  RETURN q
}
WITH x, CASE WHEN q IS NOT NULL AND length(q) = length(p) THEN q ELSE p END AS chain, CASE WHEN q IS NOT NULL AND length(q) = length(p) THEN 'sourced' ELSE 'inferred' END AS evidence
WITH x, chain, evidence, nodes(chain)[-2] AS parent
RETURN
  properties(x) AS node,
  labels(x) AS labels,
  length(chain) AS distance,
  evidence,
  properties(parent) AS parent,
  labels(parent) AS parentLabels,
  type(last(relationships(chain))) AS relationship
ORDER BY distance, node.name, node.id
