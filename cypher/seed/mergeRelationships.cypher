// Creates or updates a batch of relationships between model nodes, replacing their properties.
// One relationship per (type, from, to). Idempotent.
// Parameters: $rows: [{ type, from, to, props }]. Returns one row per type with created and changed counts.
UNWIND $rows AS row
MATCH (a:GraphNode {id: row.from})
MATCH (b:GraphNode {id: row.to})
OPTIONAL MATCH (a)-[old:$(row.type)]->(b)
WITH row, a, b, properties(old) AS before
MERGE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN
  row.type AS type,
  sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN before IS NOT NULL AND before <> row.props THEN 1 ELSE 0 END) AS changed,
  count(*) AS written
