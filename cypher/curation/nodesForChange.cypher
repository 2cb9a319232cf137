// The nodes a change set names, with their label and every property (the state it is checked
// against). Parameters: $ids. Returns one row per existing node.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label, properties(n) AS props
