// Deletes model nodes an earlier load wrote and this one no longer has, with their relationships.
// Parameters: $ids. Returns the ids and labels of the nodes deleted.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
WITH n, n.id AS nodeId, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label
DETACH DELETE n
RETURN nodeId AS id, label
