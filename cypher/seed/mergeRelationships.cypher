// Creates or updates a batch of relationships between model nodes, replacing their properties.
// One relationship per (type, from, to). Idempotent. A new relationship is marked while it is
// created, so that one MERGE tells created from existing without a second lookup.
// Parameters: $rows: [{ type, from, to, props }]. Returns one row per type with created and changed counts.
UNWIND $rows AS row
MATCH (a:GraphNode {id: row.from})
MATCH (b:GraphNode {id: row.to})
MERGE (a)-[r:$(row.type)]->(b)
  ON CREATE SET r.__created = true
WITH row, r, properties(r) AS before
SET r = row.props
RETURN
  row.type AS type,
  sum(CASE WHEN before.__created IS NOT NULL THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN before.__created IS NULL AND before <> row.props THEN 1 ELSE 0 END) AS changed,
  count(*) AS written
