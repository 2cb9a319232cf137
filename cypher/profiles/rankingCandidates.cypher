// The components and standards a ranking orders, with their criteria levels; the filters of
// RankingFilter (each null = no filter). Parameters: $labels, $layer, $stack, $licenceClasses,
// $operatingModels, $stages, $criteria (the criterion ids with weight).
MATCH (n:GraphNode)
WHERE (n:Component OR n:Standard)
  AND any(l IN labels(n) WHERE l IN $labels)
  AND ($layer IS NULL OR EXISTS { (n)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: $layer}) })
  AND ($stack IS NULL OR EXISTS { (:Stack {id: $stack})-[:INCLUDES]->(n) })
  AND ($licenceClasses IS NULL OR n.licenceClass IN $licenceClasses)
  AND ($operatingModels IS NULL OR any(m IN coalesce(n.operatingModels, []) WHERE m IN $operatingModels))
  AND ($stages IS NULL OR EXISTS { (s:Stack)-[i:INCLUDES]->(n) WHERE s.id = coalesce($stack, 'stack:germany') AND i.stage IN $stages })
RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label, n.name AS name, n.kind AS kind, COLLECT {
  MATCH (n)-[r:ASSESSED]->(c:Criterion)
  WHERE c.id IN $criteria
  RETURN {criterion: c.id, level: r.level, evidence: r.evidence} AS a
} AS assessments
