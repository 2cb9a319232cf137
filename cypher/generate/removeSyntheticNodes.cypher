// Deletes up to $limit synthetic nodes with all their relationships (every synthetic relationship
// has a synthetic end). Run it until it deletes nothing.
// Parameters: $prefix ('syn:'), $limit (integer). Returns one row { deleted }.
MATCH (n:GraphNode)
WHERE n.id STARTS WITH $prefix
WITH n
LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
