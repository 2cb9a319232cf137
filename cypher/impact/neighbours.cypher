// The relationships of a set of nodes in both directions, optionally only of the given types.
// Parameters: $ids: [string], $types: [string] or null.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})-[r]-(m:GraphNode)
WHERE $types IS NULL OR type(r) IN $types
RETURN DISTINCT startNode(r).id AS source, endNode(r).id AS target, type(r) AS type, m.id AS neighbour,
       r.evidence AS evidence, r.source AS provenance
