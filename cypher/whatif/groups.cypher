// What the what-if reports group by: each service's OZG topic and executing levels, each
// component's and standard's layers. Read once per graph version.
CALL () {
  MATCH (s:Service)
  OPTIONAL MATCH (s)-[:PART_OF]->(:OzgService)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic)
  RETURN collect({id: s.id, topic: t.id, levels: coalesce(s.executingLevels, [])}) AS services
}
CALL () {
  MATCH (n:GraphNode)-[:IN_LAYER]->(l:Layer)
  WHERE n:Component OR n:Standard
  RETURN collect({id: n.id, layer: l.id}) AS layers
}
RETURN services, layers
