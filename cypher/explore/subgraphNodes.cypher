// The nodes of a subgraph as it is drawn: id, label, name and evidence only, in any order (unknown
// ids are left out).
// Parameters: $ids: [string].
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label, coalesce(n.name, n.id) AS name, n.evidence AS evidence
