// The profile facts of components and standards: their properties, the steward a source names
// (STEWARDS; the first by name) and their only maintainer (MAINTAINS), each with the organisation.
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
  }[0] END AS maintainer
