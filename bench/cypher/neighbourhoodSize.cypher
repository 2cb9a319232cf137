// How many nodes and relationships subgraph(ids: [$id], depth: 2) holds at most: the node, its
// neighbours and theirs, and every relationship of the node and its neighbours (derived links
// included, so the count is an upper bound of what the subgraph draws).
// Parameters: $id.
MATCH (o:GraphNode {id: $id})
OPTIONAL MATCH (o)--(n:GraphNode)
WITH o, collect(DISTINCT n) AS ring
UNWIND ring + o AS x
OPTIONAL MATCH (x)-[r]-(y:GraphNode)
WITH ring, count(DISTINCT y) AS reached, count(DISTINCT r) AS edges
RETURN CASE WHEN size(ring) = 0 THEN 1 ELSE reached END AS nodes, edges
