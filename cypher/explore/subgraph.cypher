// The neighbourhood of $ids within $depth hops (0..3), breadth first, in one statement. Per level
// (1..3): the relationships of the level's frontier in both directions, optionally only of the given
// types, except those to the frontier of the level before (whose relationships were read with it);
// each relationship once, sorted by start id, type and end id, at most $limit of them (the bound plus
// one, so that the caller sees a cut). The frontiers are the origins, then the nodes next to them,
// then the nodes next to those that are neither. A level is read only when the levels before it hold
// at most $bound relationships: else the caller's answer is truncated there and drops it.
// Each level is a subquery of its own that imports nothing and matches its frontier again: a level's
// sort holds whole rows, and rows that carried the levels before (lists of thousands of edges) run
// past the transaction's memory on hubs.
// Returns the origins that exist as drawn (id, label, name, evidence), and per level its edges as
// [source, type, target, evidence, provenance] and their distinct ends as drawn; names, evidence and
// provenance only where asked (else null: a long provenance text per edge is most of the answer).
// Parameters: $ids: [string], $types: [string] or null, $depth: integer, $limit: integer, $bound: integer,
// $nodeName, $nodeEvidence, $edgeEvidence, $provenance: boolean.
CALL () {
  UNWIND $ids AS id
  MATCH (n:GraphNode {id: id})
  RETURN collect({id: n.id, label: head([l IN labels(n) WHERE l <> 'GraphNode']), name: CASE WHEN $nodeName THEN coalesce(n.name, n.id) END, evidence: CASE WHEN $nodeEvidence THEN n.evidence END}) AS origins
}
CALL () {
  UNWIND CASE WHEN $depth >= 1 THEN $ids ELSE [] END AS id
  MATCH (:GraphNode {id: id})-[r]-(:GraphNode)
  WHERE ($types IS NULL OR type(r) IN $types)
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b, a.id AS source, type(r) AS type, b.id AS target
  ORDER BY source, type, target
  LIMIT $limit
  WITH collect([source, type, target, CASE WHEN $edgeEvidence THEN r.evidence END, CASE WHEN $provenance THEN r.source END]) AS edges, collect(a) + collect(b) AS ends
  CALL (ends) {
    UNWIND ends AS x
    WITH DISTINCT x
    RETURN collect({id: x.id, label: head([l IN labels(x) WHERE l <> 'GraphNode']), name: CASE WHEN $nodeName THEN coalesce(x.name, x.id) END, evidence: CASE WHEN $nodeEvidence THEN x.evidence END}) AS nodes
  }
  RETURN edges AS edges1, nodes AS nodes1
}
CALL () {
  UNWIND CASE WHEN $depth >= 2 THEN $ids ELSE [] END AS id
  MATCH (:GraphNode {id: id})-[r]-(:GraphNode)
  WHERE ($types IS NULL OR type(r) IN $types)
  WITH count(DISTINCT r) AS n1
  UNWIND CASE WHEN $depth >= 2 AND n1 <= $bound THEN $ids ELSE [] END AS id
  MATCH (:GraphNode {id: id})-[r1]-(f:GraphNode)
  WHERE ($types IS NULL OR type(r1) IN $types) AND NOT f.id IN $ids
  WITH DISTINCT f
  MATCH (f)-[r]-(m:GraphNode)
  WHERE ($types IS NULL OR type(r) IN $types) AND NOT m.id IN $ids
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b, a.id AS source, type(r) AS type, b.id AS target
  ORDER BY source, type, target
  LIMIT $limit
  WITH collect([source, type, target, CASE WHEN $edgeEvidence THEN r.evidence END, CASE WHEN $provenance THEN r.source END]) AS edges, collect(a) + collect(b) AS ends
  CALL (ends) {
    UNWIND ends AS x
    WITH DISTINCT x
    RETURN collect({id: x.id, label: head([l IN labels(x) WHERE l <> 'GraphNode']), name: CASE WHEN $nodeName THEN coalesce(x.name, x.id) END, evidence: CASE WHEN $nodeEvidence THEN x.evidence END}) AS nodes
  }
  RETURN edges AS edges2, nodes AS nodes2
}
CALL () {
  UNWIND CASE WHEN $depth >= 3 THEN $ids ELSE [] END AS id
  MATCH (:GraphNode {id: id})-[r]-(:GraphNode)
  WHERE ($types IS NULL OR type(r) IN $types)
  WITH count(DISTINCT r) AS n1
  CALL (n1) {
    UNWIND CASE WHEN $depth >= 3 AND n1 <= $bound THEN $ids ELSE [] END AS id
    MATCH (:GraphNode {id: id})-[r1]-(f:GraphNode)
    WHERE ($types IS NULL OR type(r1) IN $types) AND NOT f.id IN $ids
    WITH DISTINCT f
    MATCH (f)-[r]-(m:GraphNode)
    WHERE ($types IS NULL OR type(r) IN $types) AND NOT m.id IN $ids
    RETURN count(DISTINCT r) AS n2
  }
  UNWIND CASE WHEN $depth >= 3 AND n1 + n2 <= $bound THEN $ids ELSE [] END AS id
  MATCH (:GraphNode {id: id})-[r1]-(f:GraphNode)
  WHERE ($types IS NULL OR type(r1) IN $types) AND NOT f.id IN $ids
  WITH DISTINCT f
  MATCH (f)-[r2]-(g:GraphNode)
  WHERE ($types IS NULL OR type(r2) IN $types) AND NOT g.id IN $ids
  WITH DISTINCT g
  WHERE NOT EXISTS { MATCH (g)-[x]-(o:GraphNode) WHERE o.id IN $ids AND ($types IS NULL OR type(x) IN $types) }
  MATCH (g)-[r]-(m:GraphNode)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND NOT EXISTS { MATCH (m)-[x]-(o:GraphNode) WHERE o.id IN $ids AND ($types IS NULL OR type(x) IN $types) }
  WITH DISTINCT r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b, a.id AS source, type(r) AS type, b.id AS target
  ORDER BY source, type, target
  LIMIT $limit
  WITH collect([source, type, target, CASE WHEN $edgeEvidence THEN r.evidence END, CASE WHEN $provenance THEN r.source END]) AS edges, collect(a) + collect(b) AS ends
  CALL (ends) {
    UNWIND ends AS x
    WITH DISTINCT x
    RETURN collect({id: x.id, label: head([l IN labels(x) WHERE l <> 'GraphNode']), name: CASE WHEN $nodeName THEN coalesce(x.name, x.id) END, evidence: CASE WHEN $nodeEvidence THEN x.evidence END}) AS nodes
  }
  RETURN edges AS edges3, nodes AS nodes3
}
RETURN origins, [[edges1, nodes1], [edges2, nodes2], [edges3, nodes3]] AS levels
