// A shortest connection between two different nodes over any relationship, in either direction.
// The pattern bound is the maximum of maxDepth (10); $maxDepth filters below it.
// Parameters: $from, $to: ids, $maxDepth: integer 1..10. Returns no row when there is none.
MATCH (a:GraphNode {id: $from})
MATCH (b:GraphNode {id: $to})
MATCH p = shortestPath((a)-[*1..10]-(b))
WITH p
WHERE length(p) <= $maxDepth
RETURN
  [n IN nodes(p) | {node: properties(n), labels: labels(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships
