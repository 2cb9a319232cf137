// The small OZG hierarchy the what-if reports and the impact summaries group by, read once per graph
// version: each OZG service's life situations and each life situation's topics (one entry per link;
// a few hundred of each). Services (whatif/serviceGroups) and layers (whatif/layers) are read as
// rows of their own.
CALL () {
  MATCH (oz:OzgService)
  RETURN collect({id: oz.id, lifeSituations: [(oz)-[:PART_OF]->(ls:LifeSituation) | ls.id]}) AS ozs
}
CALL () {
  MATCH (ls:LifeSituation)
  RETURN collect({id: ls.id, topics: [(ls)-[:PART_OF]->(t:Topic) | t.id]}) AS lifeSituations
}
RETURN ozs, lifeSituations
