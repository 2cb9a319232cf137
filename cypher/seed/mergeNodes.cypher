// Creates or updates a batch of model nodes by their global id, replacing all their properties,
// and gives each exactly its model label (plus GraphNode). Idempotent.
// Parameters: $rows: [{ id, label, props }]. Returns one row per created or changed node: its id and
// label, whether it was created, and the names of the properties that changed (for the change log).
UNWIND $rows AS row
OPTIONAL MATCH (old:GraphNode {id: row.id})
WITH row, old, properties(old) AS before, [l IN coalesce(labels(old), []) WHERE l <> 'GraphNode' AND l <> row.label] AS staleLabels
MERGE (n:GraphNode {id: row.id})
SET n = row.props
SET n:$(row.label)
REMOVE n:$(staleLabels)
WITH row, before, staleLabels,
  CASE WHEN before IS NULL THEN [] ELSE
    [k IN keys(row.props) WHERE before[k] IS NULL OR before[k] <> row.props[k]] + [k IN keys(before) WHERE row.props[k] IS NULL]
    + CASE WHEN size(staleLabels) > 0 THEN ['(label)'] ELSE [] END
  END AS fields
WHERE before IS NULL OR size(fields) > 0
RETURN row.id AS id, row.label AS label, before IS NULL AS created, fields
