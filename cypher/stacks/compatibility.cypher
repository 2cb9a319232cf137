// The items any of the given stacks includes, by name then id, at most $limit of them (the caller
// asks for one more than it returns, to know the matrix was cut), each with one cell per stack that
// includes it (status and role).
// Parameters: $stackIds: [string], $limit: integer.
UNWIND $stackIds AS stackId
MATCH (:Stack {id: stackId})-[r:INCLUDES]->(x:GraphNode)
WITH x, collect({stackId: stackId, status: r.status, role: r.role}) AS cells
ORDER BY coalesce(x.name, x.id), x.id
LIMIT $limit
RETURN properties(x) AS item, labels(x) AS labels, cells
