// The links of many nodes along one relationship type (in), at most $first per node, sorted by
// the relationship's order (golden-path steps), then name and id. One row per id, in key order.
// The type is compared with type(r) while expanding from the bound node: a dynamic type in the pattern
// (-[r:$($type)]-) is planned by Neo4j 5.26 as a scan over every relationship of the database.
// Parameters: $ids: [string], $type: string, $label: string or null (any), $first: integer.
UNWIND $ids AS id
OPTIONAL MATCH (n:GraphNode {id: id})
CALL (n) {
  MATCH (n)<-[r]-(m:GraphNode)
  WHERE type(r) = $type AND ($label IS NULL OR $label IN labels(m))
  WITH r, m
  ORDER BY r.order, m.name, m.id
  LIMIT $first
  RETURN collect({type: type(r), rel: properties(r), node: properties(m), labels: labels(m)}) AS links
}
RETURN id, links
