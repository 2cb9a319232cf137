// What a node builds on: every component or standard reachable forward over DEPENDS_ON and IMPLEMENTS
// within $maxDepth hops, with the length of the shortest chain, the node before it on that chain, the
// relationship type of the last hop and the chain's evidence: sourced when a chain of only sourced
// links is among the shortest (that chain is then the one reported), else secondary when the chain
// reported has only sourced and secondary links, else inferred. Two breadth-first searches from
// the root (all links unless $sourcedOnly, and sourced links only), met in one aggregation per node.
// The pattern bound is the maximum of maxDepth (10). At most $limit entries, nearest first (the caller
// asks for one more than it returns, to know the tree was cut).
// Parameters: $id: root id, $maxDepth: integer 1..10, $sourcedOnly: boolean, $limit: integer.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  MATCH p = ANY SHORTEST (o)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(x:Component|Standard)
  WHERE NOT $sourcedOnly AND x <> o AND length(p) <= $maxDepth
  RETURN x, p, null AS q
  UNION ALL
  MATCH q = ANY SHORTEST (o)-[r:DEPENDS_ON|IMPLEMENTS WHERE r.evidence = 'sourced']->{1,10}(x:Component|Standard)
  WHERE x <> o AND length(q) <= $maxDepth
  RETURN x, null AS p, q
}
WITH x, collect(p)[0] AS p, collect(q)[0] AS q
WITH x, CASE WHEN q IS NOT NULL AND (p IS NULL OR length(q) = length(p)) THEN q ELSE p END AS chain, q IS NOT NULL AND (p IS NULL OR length(q) = length(p)) AS sourced
WITH x, chain, CASE WHEN sourced THEN 'sourced' WHEN all(r IN relationships(chain) WHERE r.evidence IN ['sourced', 'secondary']) THEN 'secondary' ELSE 'inferred' END AS evidence, nodes(chain)[-2] AS parent
RETURN
  properties(x) AS node,
  labels(x) AS labels,
  length(chain) AS distance,
  evidence,
  properties(parent) AS parent,
  labels(parent) AS parentLabels,
  type(last(relationships(chain))) AS relationship
ORDER BY distance, node.name, node.id
LIMIT $limit
