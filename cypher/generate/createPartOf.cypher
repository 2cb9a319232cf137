// Creates a batch of synthetic PART_OF relationships (a Kreis to its Land, a Kommune to its Kreis, a service to its OzgService) of a fresh generation.
// Both ends are looked up by the unique GraphNode id; the type is fixed here because a dynamic
// type is planned much slower by Neo4j 5.26.
// Parameters: $rows: [[fromId, toId]], $provenance: { synthetic, evidence, source }.
// Returns one row { created } (fewer than rows when an end is missing).
UNWIND $rows AS row
MATCH (a:GraphNode {id: row[0]})
MATCH (b:GraphNode {id: row[1]})
CREATE (a)-[r:PART_OF]->(b)
SET r = $provenance
RETURN count(r) AS created
