// The node $id (null when unknown) with, when it is a service, every requirement that applies to it or
// to a node it uses, with what the requirement requires, which of those the service does not reach
// (directly, through a used node, or through what a used node depends on or implements within 6 hops;
// criteria: a used node meets them), and a valid exception. One row; the requirements by level and id.
// The requirements, the nodes they apply through, the missing nodes and the exceptions come with all
// their properties, or (when $requirementKeys, $nodeKeys, $exceptionKeys are lists) with the values
// of those keys only, in their order: the report reads a few, the query selects a few more.
// Parameters: $id: service id, $today: 'YYYY-MM-DD', $requirementKeys, $nodeKeys, $exceptionKeys: [string] or null.
OPTIONAL MATCH (n:GraphNode {id: $id})
CALL (n) {
  WITH n AS s
  WHERE s:Service
  CALL (s) {
    MATCH (req:Requirement)-[:APPLIES_TO]->(s)
    RETURN req, s AS via
    UNION
    MATCH (s)-[:USES]->(x:GraphNode)<-[:APPLIES_TO]-(req:Requirement)
    RETURN req, x AS via
  }
  WITH s, req, via
  ORDER BY req.id, CASE WHEN via = s THEN 0 ELSE 1 END, via.id
  WITH s, req, collect(via)[0] AS via
  OPTIONAL MATCH (req)-[:REQUIRES]->(t:GraphNode)
  WITH s, req, via, collect(t) AS targets
  WITH s, req, via, targets,
    [t IN targets WHERE NOT (
      t = via
      OR EXISTS { (s)-[:USES]->(t) }
      OR EXISTS { (s)-[:USES]->(:GraphNode)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(t) }
      OR EXISTS { (via)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(t) }
      OR EXISTS { (s)-[:USES]->(:GraphNode)-[:MEETS]->(t) }
    )] AS missing
  OPTIONAL MATCH (e:Exception)-[:DEVIATES_FROM]->(req)
  WHERE (e.expires IS NULL OR e.expires >= $today)
    AND (EXISTS { (e)-[:GRANTED_FOR]->(s) } OR EXISTS { (e)-[:GRANTED_FOR]->(via) })
  WITH req, via, targets, missing, collect(e)[0] AS exception
  ORDER BY req.level, req.id
  RETURN collect({
    requirement: CASE WHEN $requirementKeys IS NULL THEN properties(req) ELSE [k IN $requirementKeys | req[k]] END,
    requirementLabels: labels(req),
    via: CASE WHEN $nodeKeys IS NULL THEN properties(via) ELSE [k IN $nodeKeys | via[k]] END,
    viaLabels: labels(via),
    targetCount: size(targets),
    missing: [m IN missing | {node: CASE WHEN $nodeKeys IS NULL THEN properties(m) ELSE [k IN $nodeKeys | m[k]] END, labels: labels(m)}],
    exception: CASE WHEN exception IS NULL THEN null WHEN $exceptionKeys IS NULL THEN properties(exception) ELSE [k IN $exceptionKeys | exception[k]] END
  }) AS rows
}
RETURN CASE WHEN n IS NULL THEN null ELSE {node: properties(n), labels: labels(n)} END AS node, rows
