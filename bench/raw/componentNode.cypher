// One component by id with the ids of its relationships in both directions, each at most 100 and
// ordered by name then id: dependsOn, dependents, implements, usedBy, layers, stacks. Parameters: $id.
MATCH (c:GraphNode {id: $id})
CALL (c) {
  MATCH (c)-[:DEPENDS_ON]->(m:Component)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS dependsOn
}
CALL (c) {
  MATCH (c)<-[:DEPENDS_ON]-(m:Component)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS dependents
}
CALL (c) {
  MATCH (c)-[:IMPLEMENTS]->(m:Standard)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS implements
}
CALL (c) {
  MATCH (c)<-[:USES]-(m:Service)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS usedBy
}
CALL (c) {
  MATCH (c)-[:IN_LAYER]->(m:Layer)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS layers
}
CALL (c) {
  MATCH (c)<-[:INCLUDES]-(m:Stack)
  WITH m ORDER BY m.name, m.id LIMIT 100
  RETURN collect(m.id) AS stacks
}
RETURN {
  id: c.id,
  name: c.name,
  dependsOn: dependsOn,
  dependents: dependents,
  implements: implements,
  usedBy: usedBy,
  layers: layers,
  stacks: stacks
} AS node
