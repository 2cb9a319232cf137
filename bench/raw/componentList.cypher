// The first $first components by name then id, with the total count; per component its dependsOn
// (at most $nestedFirst, by name then id) with their dependsOn ids (at most $nestedFirst each) and its
// usedBy services (at most 20, by name then id). Parameters: $first, $nestedFirst.
CALL () {
  MATCH (c:Component)
  RETURN count(c) AS totalCount
}
MATCH (c:Component)
WITH totalCount, c
ORDER BY c.name, c.id
LIMIT toInteger($first)
CALL (c) {
  MATCH (c)-[:DEPENDS_ON]->(d:Component)
  WITH d
  ORDER BY d.name, d.id
  LIMIT toInteger($nestedFirst)
  CALL (d) {
    MATCH (d)-[:DEPENDS_ON]->(e:Component)
    WITH e
    ORDER BY e.name, e.id
    LIMIT toInteger($nestedFirst)
    RETURN collect({id: e.id}) AS dependsOn
  }
  RETURN collect({id: d.id, name: d.name, dependsOn: dependsOn}) AS dependsOn
}
CALL (c) {
  MATCH (c)<-[:USES]-(s:Service)
  WITH s
  ORDER BY s.name, s.id
  LIMIT 20
  RETURN collect({id: s.id, name: s.name}) AS usedBy
}
WITH totalCount, c, dependsOn, usedBy
ORDER BY c.name, c.id
RETURN totalCount, collect({id: c.id, name: c.name, dependsOn: dependsOn, usedBy: usedBy}) AS components
