// What each of the given stacks includes, with status and role.
// Parameters: $stackIds: [string].
UNWIND $stackIds AS stackId
MATCH (:Stack {id: stackId})-[r:INCLUDES]->(x:GraphNode)
RETURN stackId, properties(x) AS item, labels(x) AS labels, r.status AS status, r.role AS role
ORDER BY item.name, item.id
