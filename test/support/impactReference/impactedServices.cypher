// Services that USE the origin or an impacted component; for each, the nearest such node (smallest
// distance, one reached along sourced links first, then smallest id) and the evidence: sourced when, among the nearest, some USES is sourced
// and leads to a hit whose own chain is sourced. With $sourcedOnly only sourced USES count.
// Parameters: $hits: [{id, distance, evidence}] with the origin at distance 0, $sourcedOnly: boolean.
UNWIND $hits AS hit
MATCH (s:Service)-[u:USES]->(:GraphNode {id: hit.id})
WHERE NOT $sourcedOnly OR u.evidence = 'sourced'
WITH s, hit, CASE WHEN hit.evidence = 'sourced' AND u.evidence = 'sourced' THEN 'sourced' WHEN hit.evidence IN ['sourced', 'secondary'] AND u.evidence IN ['sourced', 'secondary'] THEN 'secondary' ELSE 'inferred' END AS evidence
ORDER BY hit.distance, evidence = 'sourced' DESC, hit.id
WITH s, collect({hit: hit, evidence: evidence}) AS hs
WITH s, hs, hs[0].hit AS nearest
RETURN
  properties(s) AS service,
  labels(s) AS labels,
  nearest.distance + 1 AS distance,
  nearest.id AS via,
  CASE WHEN any(h IN hs WHERE h.hit.distance = nearest.distance AND h.evidence = 'sourced') THEN 'sourced'
    WHEN any(h IN hs WHERE h.hit.distance = nearest.distance AND h.evidence = 'secondary') THEN 'secondary' ELSE 'inferred' END AS evidence
ORDER BY distance, service.id
