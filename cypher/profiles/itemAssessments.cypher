// The assessments of components and standards against the D-Stack criteria (ASSESSED), in the
// criteria's order of id. Parameters: $ids. Returns one row per id found.
UNWIND $ids AS id
MATCH (n:GraphNode {id: id})
WHERE n:Component OR n:Standard
RETURN id, COLLECT {
  MATCH (n)-[r:ASSESSED]->(c:Criterion)
  RETURN {criterion: properties(c), level: r.level, indicators: r.indicators, mapping: r.mapping, decision: r.decision, evidence: r.evidence, sources: r.sources} AS a
  ORDER BY c.id
} AS assessments
