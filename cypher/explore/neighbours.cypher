// One level of a subgraph: the relationships of the nodes $ids (the frontier) in both directions,
// optionally only of the given types, except those to the nodes $previous (the level before, whose
// relationships were read with it); each relationship once, sorted by start id, type and end id, at
// most $limit of them (the caller asks for one more than it has room for, to know it was cut).
// Each row carries its two ends as a subgraph draws them (label, name, evidence), so that the nodes
// need no statement of their own.
// Parameters: $ids: [string], $previous: [string], $types: [string] or null, $limit: integer.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})-[r]-(m:GraphNode)
WHERE ($types IS NULL OR type(r) IN $types)
  AND NOT m.id IN $previous
WITH DISTINCT r
WITH r, startNode(r) AS a, type(r) AS type, endNode(r) AS b
WITH r, a, b, a.id AS source, type, b.id AS target
ORDER BY source, type, target
LIMIT $limit
RETURN source, target, type, r.evidence AS evidence, r.source AS provenance,
  {label: head([l IN labels(a) WHERE l <> 'GraphNode']), name: coalesce(a.name, a.id), evidence: a.evidence} AS sourceNode,
  {label: head([l IN labels(b) WHERE l <> 'GraphNode']), name: coalesce(b.name, b.id), evidence: b.evidence} AS targetNode
