// Services that USE the origin or an impacted component; for each, the nearest such node
// (smallest distance, then smallest id).
// Parameters: $hits: [{id, distance}] with the origin at distance 0.
UNWIND $hits AS hit
MATCH (s:Service)-[:USES]->(:GraphNode {id: hit.id})
WITH s, hit
ORDER BY hit.distance, hit.id
WITH s, collect(hit)[0] AS nearest
RETURN properties(s) AS service, labels(s) AS labels, nearest.distance + 1 AS distance, nearest.id AS via
ORDER BY distance, service.id
