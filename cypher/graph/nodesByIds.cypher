// Model nodes by id, one row per id in key order (node null when the id is unknown).
// Parameters: $ids: [string].
UNWIND $ids AS id
OPTIONAL MATCH (n:GraphNode {id: id})
RETURN id, properties(n) AS node, labels(n) AS labels
