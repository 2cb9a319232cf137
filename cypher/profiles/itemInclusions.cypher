// The stacks that include components and standards, with the inclusion's properties, by stack name.
// Parameters: $ids. Returns one row per id found.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
RETURN id, COLLECT {
  MATCH (s:Stack)-[r:INCLUDES]->(n)
  RETURN {stack: properties(s), inclusion: properties(r)} AS i
  ORDER BY s.name, s.id
} AS inclusions
