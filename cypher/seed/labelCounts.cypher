// Counts model nodes per label (every model node also carries the GraphNode label).
// Parameters: none. Returns rows { label, count } sorted by label.
MATCH (n:GraphNode)
UNWIND [l IN labels(n) WHERE l <> 'GraphNode'] AS label
RETURN label, count(*) AS count
ORDER BY label
