// The profile facts of components and standards: their properties, the steward a source names
// (STEWARDS; the first by name) and their only maintainer (MAINTAINS), each with the organisation;
// what it ended by (end-of-life events, its Deutschland-Stack stage) and its successors (at most 10).
// Parameters: $ids. Returns one row per id found.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
WHERE n:Component OR n:Standard
RETURN
  id,
  properties(n) AS item,
  COLLECT {
    MATCH (o:Organization)-[r:STEWARDS]->(n)
    RETURN {org: properties(o), sources: r.sources, evidence: r.evidence} AS s ORDER BY o.name, o.id LIMIT 1
  }[0] AS steward,
  CASE WHEN COUNT { (:Organization)-[:MAINTAINS]->(n) } = 1 THEN COLLECT {
    MATCH (o:Organization)-[r:MAINTAINS]->(n)
    RETURN {org: properties(o), sources: r.sources, evidence: r.evidence} AS m
  }[0] END AS maintainer,
  COLLECT {
    MATCH (e:Event)-[:AFFECTS]->(n) WHERE e.kind = 'end-of-life' AND e.scope IS NULL
    RETURN {id: e.id, date: e.date} AS e ORDER BY e.date, e.id
  } AS endEvents,
  COLLECT { MATCH (:Stack {id: 'stack:germany'})-[i:INCLUDES]->(n) RETURN i.stage LIMIT 1 }[0] AS stage,
  COLLECT {
    MATCH (n)-[:SUCCEEDED_BY]->(x) RETURN {node: properties(x), labels: labels(x)} AS x ORDER BY x.node.name, x.node.id LIMIT 10
  } AS successors
