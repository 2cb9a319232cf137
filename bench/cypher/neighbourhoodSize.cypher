// How many nodes subgraph(ids: [$id], depth: 2) holds: the node, its neighbours and theirs.
// Parameters: $id.
MATCH (o:GraphNode {id: $id})
OPTIONAL MATCH (o)--(n:GraphNode)
WITH o, collect(DISTINCT n) AS ring
UNWIND ring + o AS x
OPTIONAL MATCH (x)--(y:GraphNode)
WITH ring, count(DISTINCT y) AS reached
RETURN CASE WHEN size(ring) = 0 THEN 1 ELSE reached END AS nodes
