// Creates a batch of synthetic DEPENDS_ON relationships (a synthetic component to a lower (real or synthetic) component) of a fresh generation.
// Both ends are looked up by the unique GraphNode id; the type is fixed here because a dynamic
// type is planned much slower by Neo4j 5.26.
// Parameters: $rows: [[fromId, toId]], $provenance: { synthetic, evidence, source }.
// Returns one row { created } (fewer than rows when an end is missing).
UNWIND $rows AS row
MATCH (a:GraphNode {id: row[0]})
MATCH (b:GraphNode {id: row[1]})
CREATE (a)-[r:DEPENDS_ON]->(b)
SET r = $provenance
RETURN count(r) AS created
