// Summary counts of an impact: hit nodes per layer, hit services per topic and life situation, and the
// organisations that operate or adopt a hit node or offer a hit service.
// Parameters: $nodeIds: ids of the origin and the impacted components, $serviceIds: ids of the impacted services.
CALL () {
  UNWIND $nodeIds AS id
  MATCH (:GraphNode {id: id})-[:IN_LAYER]->(l:Layer)
  WITH l, count(*) AS count
  ORDER BY count DESC, l.id
  RETURN collect({node: properties(l), labels: labels(l), count: count}) AS byLayer
}
CALL () {
  UNWIND $serviceIds AS id
  MATCH (:Service {id: id})-[:PART_OF]->(:OzgService)-[:PART_OF]->(ls:LifeSituation)
  WITH ls, count(*) AS count
  ORDER BY count DESC, ls.id
  RETURN collect({node: properties(ls), labels: labels(ls), count: count}) AS byLifeSituation
}
CALL () {
  UNWIND $serviceIds AS id
  MATCH (s:Service {id: id})-[:PART_OF]->(:OzgService)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic)
  WITH t, count(DISTINCT s) AS count
  ORDER BY count DESC, t.id
  RETURN collect({node: properties(t), labels: labels(t), count: count}) AS byTopic
}
CALL () {
  CALL () {
    UNWIND $nodeIds AS id
    MATCH (o:Organization)-[r:OPERATES|ADOPTS]->(:GraphNode {id: id})
    RETURN o, type(r) AS relation
    UNION
    UNWIND $serviceIds AS id
    MATCH (o:Organization)-[r:OFFERS]->(:Service {id: id})
    RETURN o, type(r) AS relation
  }
  WITH o, collect(DISTINCT relation) AS relations
  ORDER BY o.name, o.id
  RETURN collect({node: properties(o), labels: labels(o), relations: relations}) AS organizations
}
RETURN byLayer, byLifeSituation, byTopic, organizations
