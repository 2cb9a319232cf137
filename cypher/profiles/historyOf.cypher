// The change log entries of nodes (the node itself and relationships at it), newest first.
// Parameters: $ids, $limit. Returns one row per id.
UNWIND $ids AS id
RETURN id, COLLECT {
  CALL (id) {
    MATCH (c:Change {key: id}) RETURN c
    UNION
    MATCH (c:Change {from: id}) RETURN c
    UNION
    MATCH (c:Change {to: id}) RETURN c
  }
  RETURN properties(c) AS change ORDER BY c.at DESC, c.seq LIMIT $limit
} AS changes
