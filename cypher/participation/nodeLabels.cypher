// The label and name of each node named. Parameters: $ids. One row per node found.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'GraphNode'][0] AS label, n.name AS name
