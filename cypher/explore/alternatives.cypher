// The alternatives of a node (ALTERNATIVE_TO in either direction) with the relationship's guidance and
// provenance, and how many services use the alternative or a component that reaches it within 6 hops.
// The first $first alternatives by name, then id.
// Parameters: $id, $first: integer.
MATCH (o:GraphNode {id: $id})-[r:ALTERNATIVE_TO]-(a:GraphNode)
WITH a, r
ORDER BY a.name, a.id
LIMIT $first
CALL (a) {
  MATCH (s:Service)-[:USES]->(x:GraphNode)
  WHERE x = a OR EXISTS { (x)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(a) }
  RETURN count(DISTINCT s) AS affected
}
RETURN properties(a) AS alternative, labels(a) AS labels, properties(r) AS relationship, affected
ORDER BY alternative.name, alternative.id
