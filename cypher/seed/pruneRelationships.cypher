// Deletes relationships an earlier load wrote and this one no longer has.
// Parameters: $rows: [{ type, from, to }]. Returns how many were deleted.
UNWIND $rows AS row
MATCH (a:GraphNode {id: row.from})-[r]->(b:GraphNode {id: row.to})
WHERE type(r) = row.type
DELETE r
RETURN count(*) AS deleted
