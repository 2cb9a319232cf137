// Creates or updates a batch of relationships between model nodes, replacing their properties.
// One relationship per (type, from, to). Idempotent.
// The existing relationship is looked up by expanding from the end with the smaller degree: a
// dynamic-type MERGE is planned by Neo4j 5.26 as a scan over every relationship of the database, and
// an OPTIONAL MATCH between the two bound nodes slows down on dense end nodes (Länder, criteria,
// layers) as the load's transaction grows. Usually the start node is the small end; an organisation
// that reports thousands of services it OFFERS is the dense start of those links, found from the end.
// Parameters: $rows: [{ type, from, to, props }]. Returns one row per created or changed relationship
// (with the names of the changed properties) and, in every row, how many rows found both ends.
UNWIND $rows AS row
MATCH (a:GraphNode {id: row.from})
MATCH (b:GraphNode {id: row.to})
WITH row, a, b, CASE WHEN COUNT { (a)-->() } <= COUNT { (b)<--() }
  THEN [(a)-[r]->(m) WHERE m = b AND type(r) = row.type | r][0]
  ELSE [(b)<-[r]-(m) WHERE m = a AND type(r) = row.type | r][0] END AS old
WITH row, a, b, old, properties(old) AS before
CALL (row, a, b, old) {
  WITH row, a, b, old
  WHERE old IS NULL
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
  RETURN 1 AS createdNow
  UNION
  WITH row, old
  WHERE old IS NOT NULL
  SET old = row.props
  RETURN 0 AS createdNow
}
WITH row, createdNow, before,
  CASE WHEN before IS NULL THEN [] ELSE
    [k IN keys(row.props) WHERE before[k] IS NULL OR before[k] <> row.props[k]] + [k IN keys(before) WHERE row.props[k] IS NULL]
  END AS fields
WITH collect(CASE WHEN createdNow = 1 OR size(fields) > 0 THEN {type: row.type, from: row.from, to: row.to, created: createdNow = 1, fields: fields} END) AS changes, count(*) AS written
RETURN changes, written
