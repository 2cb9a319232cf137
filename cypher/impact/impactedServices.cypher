// Services that USE the origin or an impacted component; for each, the nearest such node (smallest
// distance, a sourced chain preferred, then smallest id) and the evidence of that chain: sourced when
// the USES and the component's chain are sourced. With $sourcedOnly only sourced USES count.
// Parameters: $hits: [{id, distance, evidence}] with the origin at distance 0, $sourcedOnly: boolean.
UNWIND $hits AS hit
MATCH (s:Service)-[u:USES]->(:GraphNode {id: hit.id})
WHERE NOT $sourcedOnly OR u.evidence = 'sourced'
WITH s, hit, CASE WHEN hit.evidence = 'sourced' AND u.evidence = 'sourced' THEN 'sourced' ELSE 'inferred' END AS evidence
ORDER BY hit.distance, evidence DESC, hit.id
WITH s, collect({hit: hit, evidence: evidence})[0] AS nearest
RETURN properties(s) AS service, labels(s) AS labels, nearest.hit.distance + 1 AS distance, nearest.hit.id AS via, nearest.evidence AS evidence
ORDER BY distance, service.id
