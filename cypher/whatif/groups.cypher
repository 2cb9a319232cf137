// What the what-if reports and the impact summaries group by, read once per graph version: each
// service's OZG services (one entry per PART_OF link) and executing levels; each OZG service's life
// situations and each life situation's topics (one entry per link; a few hundred of each), from which
// a service's topics and life situations are worked out in the CPU worker; each component's and
// standard's layers (one row per IN_LAYER link).
CALL () {
  MATCH (s:Service)
  RETURN collect({id: s.id, ozs: [(s)-[:PART_OF]->(oz:OzgService) | oz.id], levels: coalesce(s.executingLevels, [])}) AS services
}
CALL () {
  MATCH (oz:OzgService)
  RETURN collect({id: oz.id, lifeSituations: [(oz)-[:PART_OF]->(ls:LifeSituation) | ls.id]}) AS ozs
}
CALL () {
  MATCH (ls:LifeSituation)
  RETURN collect({id: ls.id, topics: [(ls)-[:PART_OF]->(t:Topic) | t.id]}) AS lifeSituations
}
CALL () {
  MATCH (n:GraphNode)-[:IN_LAYER]->(l:Layer)
  WHERE n:Component OR n:Standard
  RETURN collect({id: n.id, layer: l.id}) AS layers
}
RETURN services, ozs, lifeSituations, layers
