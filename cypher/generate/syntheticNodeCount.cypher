// How many synthetic nodes exist (a prefix seek on the unique GraphNode id index).
// Parameters: $prefix ('syn:'). Returns one row { count }.
MATCH (n:GraphNode)
WHERE n.id STARTS WITH $prefix
RETURN count(n) AS count
