// How many model nodes the database holds (0 means: not seeded yet).
// Parameters: none. Returns one row { count }.
MATCH (n:GraphNode)
RETURN count(n) AS count
