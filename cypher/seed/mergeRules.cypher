// Writes the inference rules as :Rule nodes (not :GraphNode), replacing their properties, removes
// rules no longer defined, and deletes rule-made relationships that the current rules no longer make
// (a relationship with a `rule` property whose type, start and end are not among $edgeKeys).
// Parameters: $rows: [{ id, name, statement, source, sources, type, selector, edgeCount }],
//             $edgeKeys: ["TYPE|from|to", ...] of every rule-made relationship of this load.
CALL (*) {
  MATCH (old:Rule) WHERE NOT old.id IN [row IN $rows | row.id]
  DELETE old
  RETURN count(*) AS removedRules
}
CALL (*) {
  MATCH (a:GraphNode)-[r]->(b:GraphNode)
  WHERE r.rule IS NOT NULL AND NOT (type(r) + '|' + a.id + '|' + b.id) IN $edgeKeys
  DELETE r
  RETURN count(*) AS removedEdges
}
UNWIND $rows AS row
MERGE (x:Rule {id: row.id})
SET x = row
RETURN count(x) AS written, removedRules, removedEdges
