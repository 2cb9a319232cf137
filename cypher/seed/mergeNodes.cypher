// Creates or updates a batch of model nodes by their global id, replacing all their properties,
// and gives each exactly its model label (plus GraphNode). Idempotent.
// Parameters: $rows: [{ id, label, props }]. Returns one row per label with created and changed counts.
UNWIND $rows AS row
OPTIONAL MATCH (old:GraphNode {id: row.id})
WITH row, old, properties(old) AS before, [l IN coalesce(labels(old), []) WHERE l <> 'GraphNode' AND l <> row.label] AS staleLabels
MERGE (n:GraphNode {id: row.id})
SET n = row.props
SET n:$(row.label)
REMOVE n:$(staleLabels)
WITH row.label AS label, before, row.props AS after, staleLabels
RETURN
  label,
  sum(CASE WHEN before IS NULL THEN 1 ELSE 0 END) AS created,
  sum(CASE WHEN before IS NOT NULL AND (before <> after OR size(staleLabels) > 0) THEN 1 ELSE 0 END) AS changed
