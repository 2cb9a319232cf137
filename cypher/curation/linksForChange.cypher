// The links a change set names (by type and ends, in either direction for ALTERNATIVE_TO), with
// every property. Parameters: $links: [{ type, from, to }]. Returns one row per existing link.
UNWIND $links AS k
MATCH (a:GraphNode {id: k.from})-[r]-(b:GraphNode {id: k.to})
WHERE type(r) = k.type
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
