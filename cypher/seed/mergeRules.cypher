// Writes the inference rules as :Rule nodes (not :GraphNode), replacing their properties, removes
// rules no longer defined, and deletes rule-made relationships that the current rules no longer make
// (a relationship with a `rule` property whose type, start and end are not among $edgeKeys).
// Always one row.
// Parameters: $rows: [{ id, name, statement, source, sources, type, from, to, edgeCount }],
//             $edgeKeys: ["TYPE|from|to", ...] of every rule-made relationship of this load.
CALL () {
  MATCH (old:Rule) WHERE NOT old.id IN [row IN $rows | row.id]
  DELETE old
  RETURN count(*) AS removedRules
}
CALL () {
  MATCH (a:GraphNode)-[r]->(b:GraphNode)
  WHERE r.rule IS NOT NULL AND NOT (type(r) + '|' + a.id + '|' + b.id) IN $edgeKeys
  DELETE r
  RETURN count(*) AS removedEdges
}
CALL () {
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Rule {id: row.id})
  WITH row, properties(old) AS before
  MERGE (x:Rule {id: row.id})
  SET x = row
  RETURN count(x) AS written, sum(CASE WHEN before IS NULL OR before <> properties(x) THEN 1 ELSE 0 END) AS changed
}
RETURN written, changed, removedRules, removedEdges
