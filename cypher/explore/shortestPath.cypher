// A shortest connection between two different nodes over any relationship, in either direction, and
// its evidence (the weakest link on it). Among the shortest, a path of only sourced links is
// preferred; with $sourcedOnly only sourced links are followed.
// The pattern bound is the maximum of maxDepth (10); $maxDepth filters below it.
// Parameters: $from, $to: ids, $maxDepth: integer 1..10, $sourcedOnly: boolean. Returns no row when there is none.
MATCH (a:GraphNode {id: $from})
MATCH (b:GraphNode {id: $to})
OPTIONAL MATCH s = shortestPath((a)-[*1..10]-(b))
WHERE all(r IN relationships(s) WHERE r.evidence = 'sourced')
OPTIONAL MATCH p = shortestPath((a)-[*1..10]-(b))
WITH CASE WHEN s IS NOT NULL AND ($sourcedOnly OR length(s) = length(p)) THEN s WHEN $sourcedOnly THEN null ELSE p END AS p
WITH p
WHERE p IS NOT NULL AND length(p) <= $maxDepth
RETURN
  [n IN nodes(p) | {node: properties(n), labels: labels(n)}] AS nodes,
  [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships,
  CASE WHEN all(r IN relationships(p) WHERE r.evidence = 'sourced') THEN 'sourced' WHEN all(r IN relationships(p) WHERE r.evidence IN ['sourced', 'secondary']) THEN 'secondary' ELSE 'inferred' END AS evidence
