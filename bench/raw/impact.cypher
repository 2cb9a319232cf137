// Impact of a change of the Component or Standard $id, as one row `report`: the summary (component and
// service counts, hit nodes per layer, hit services per topic and per executing level) and the first
// $first impacted services ordered by distance, then id. Same semantics as src/engine/impactStatement.ts:
// components reach the origin over DEPENDS_ON (IMPLEMENTS as the last hop for a standard origin)
// within $maxDepth hops; a service's distance is 1 + the distance of its nearest used hit (origin 0).
// Shared by the raw baseline and the peer's @cypher field. Parameters: $id, $maxDepth, $first.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  OPTIONAL MATCH p = ANY SHORTEST (c:Component)-[:DEPENDS_ON|IMPLEMENTS]->{1,10}(o)
  WHERE c <> o AND length(p) <= $maxDepth
  RETURN collect({node: c, distance: length(p)}) AS components
}
WITH o, components, [{node: o, distance: 0}] + components AS hits
CALL (hits) {
  UNWIND hits AS hit
  WITH hit.node AS n, hit.distance AS distance
  MATCH (s:Service)-[:USES]->(n)
  WITH s, min(distance) + 1 AS distance
  ORDER BY distance, s.id
  RETURN collect({node: s, distance: distance}) AS services
}
CALL (hits) {
  UNWIND hits AS hit
  WITH hit.node AS n
  MATCH (n)-[:IN_LAYER]->(l:Layer)
  WITH l, count(*) AS count
  ORDER BY count DESC, l.id
  RETURN collect({node: {id: l.id}, count: count}) AS byLayer
}
CALL (services) {
  UNWIND services AS hit
  WITH hit.node AS s
  MATCH (s)-[:PART_OF]->(:OzgService)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic)
  WITH t, count(DISTINCT s) AS count
  ORDER BY count DESC, t.id
  RETURN collect({node: {id: t.id}, count: count}) AS byTopic
}
CALL (services) {
  UNWIND services AS hit
  UNWIND coalesce(hit.node.executingLevels, []) AS level
  WITH level, count(*) AS count
  ORDER BY count DESC, level
  RETURN collect({level: level, count: count}) AS byExecutingLevel
}
RETURN {
  summary: {
    componentCount: size(components),
    serviceCount: size(services),
    byLayer: byLayer,
    byTopic: byTopic,
    byExecutingLevel: byExecutingLevel
  },
  services: [hit IN services[0..toInteger($first)] | {service: {id: hit.node.id}, distance: hit.distance}]
} AS report
