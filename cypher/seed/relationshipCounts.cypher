// Counts relationships between model nodes per type.
// Parameters: none. Returns rows { type, count } sorted by type.
MATCH (:GraphNode)-[r]->(:GraphNode)
RETURN type(r) AS type, count(*) AS count
ORDER BY type
