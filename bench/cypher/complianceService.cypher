// The service with the most requirements applying to it or to a node it uses (ties: smallest id).
MATCH (req:Requirement)-[:APPLIES_TO]->(x:GraphNode)
CALL (x) {
  MATCH (s:Service)
  WHERE s = x
  RETURN s
  UNION
  MATCH (s:Service)-[:USES]->(x)
  RETURN s
}
WITH s, count(DISTINCT req) AS requirements
ORDER BY requirements DESC, s.id
LIMIT 1
RETURN s.id AS id, requirements
