// Why an item is or is not in a stack: the item, the stack, the inclusion (if any) and every
// decision about the item, with whether it is scoped to the stack. Parameters: $item, $stack.
// Returns one row; item or stack null when the id names none.
OPTIONAL MATCH (n:GraphNode {id: $item})
OPTIONAL MATCH (s:Stack {id: $stack})
RETURN
  CASE WHEN n IS NULL THEN null ELSE {node: properties(n), labels: labels(n)} END AS item,
  CASE WHEN s IS NULL THEN null ELSE properties(s) END AS stack,
  CASE WHEN n IS NULL OR s IS NULL THEN null ELSE COLLECT { MATCH (s)-[r:INCLUDES]->(n) RETURN properties(r) AS r }[0] END AS inclusion,
  CASE WHEN n IS NULL THEN [] ELSE COLLECT {
    MATCH (d:Decision)-[x:DECIDES]->(n)
    RETURN {decision: properties(d), outcome: x.outcome, rationale: x.rationale, scoped: d.stack = $stack} AS d
    ORDER BY d.stack = $stack DESC, coalesce(d.date, '') DESC, d.id
  } END AS decisions
