// What a node builds on: every component or standard reachable forward over DEPENDS_ON and IMPLEMENTS
// within $maxDepth hops, with the length of the shortest chain, the node before it on that chain and the
// relationship type of the last hop. ANY SHORTEST searches breadth-first from the root once; the pattern
// bound is the maximum of maxDepth (10).
// Parameters: $id: root id, $maxDepth: integer 1..10.
MATCH (o:GraphNode {id: $id})
MATCH p = ANY SHORTEST (o)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(x:Component|Standard)
WHERE x <> o AND length(p) <= $maxDepth
WITH x, p, nodes(p)[-2] AS parent
RETURN
  properties(x) AS node,
  labels(x) AS labels,
  length(p) AS distance,
  properties(parent) AS parent,
  labels(parent) AS parentLabels,
  type(last(relationships(p))) AS relationship
ORDER BY distance, node.name, node.id
