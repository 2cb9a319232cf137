// Creates a batch of synthetic IN_LAYER relationships (a synthetic component to a real Layer) of a fresh generation.
// Each distinct end is looked up once per batch by the unique GraphNode id (a batch names a node
// once however many of its relationships it holds); the type is fixed here because a dynamic type
// is planned much slower by Neo4j 5.26. The provenance map goes into CREATE itself.
// Parameters: $from, $to: the batch's distinct start and end ids; $fromAt, $toAt: per relationship
// the positions (integers) of its start in $from and its end in $to; $provenance: { synthetic, evidence, source }.
// Returns one row { created }: 0 when an end is missing.
CALL () {
  UNWIND range(0, size($from) - 1) AS i
  MATCH (n:GraphNode {id: $from[i]})
  WITH i, n
  ORDER BY i
  RETURN collect(n) AS starts
}
CALL () {
  UNWIND range(0, size($to) - 1) AS i
  MATCH (n:GraphNode {id: $to[i]})
  WITH i, n
  ORDER BY i
  RETURN collect(n) AS ends
}
WITH starts, ends
WHERE size(starts) = size($from) AND size(ends) = size($to)
UNWIND range(0, size($fromAt) - 1) AS k
WITH starts[$fromAt[k]] AS a, ends[$toAt[k]] AS b
CREATE (a)-[r:IN_LAYER $provenance]->(b)
RETURN count(r) AS created
