// Why an item is or is not in a stack: the item, the stack, the inclusion (if any) and every
// decision about the item (DECIDES), with whether it is scoped to the stack; when the item is
// included, also the stack's own definitions (decisions scoped to the stack that decide no item).
// Parameters: $item, $stack. Returns one row; item or stack null when the id names none.
OPTIONAL MATCH (n:GraphNode {id: $item})
OPTIONAL MATCH (s:Stack {id: $stack})
WITH n, s, CASE WHEN n IS NULL OR s IS NULL THEN null ELSE COLLECT { MATCH (s)-[r:INCLUDES]->(n) RETURN properties(r) AS r }[0] END AS inclusion
RETURN
  CASE WHEN n IS NULL THEN null ELSE {node: properties(n), labels: labels(n)} END AS item,
  CASE WHEN s IS NULL THEN null ELSE properties(s) END AS stack,
  inclusion,
  CASE WHEN n IS NULL THEN [] ELSE COLLECT {
    CALL (n, s, inclusion) {
      MATCH (d:Decision)-[x:DECIDES]->(n)
      RETURN d, x.outcome AS outcome, x.rationale AS rationale
      UNION
      MATCH (d:Decision)-[:SCOPED_TO]->(s)
      WHERE inclusion IS NOT NULL AND NOT EXISTS { (d)-[:DECIDES]->() }
      RETURN d, d.outcome AS outcome, inclusion.rationale AS rationale
    }
    RETURN {decision: properties(d), outcome: outcome, rationale: rationale, scoped: d.stack = $stack} AS d
    ORDER BY d.stack = $stack DESC, coalesce(d.date, '') DESC, d.id
  } END AS decisions
