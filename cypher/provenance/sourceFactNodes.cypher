// A page of the nodes citing the source $id (as "id" or "id (locator)"): by name, then id, the first
// $first after the node [$after[0] name, $after[1] id] (none for the first page). One pass over the
// nodes; the sort keeps $first rows (both filters before it), and only the properties $fields (in
// that order) are read.
// Parameters: $id, $after: [name, id] or null, $first: integer, $fields: [string].
MATCH (n:GraphNode)
WHERE any(c IN n.sources WHERE c = $id OR c STARTS WITH $id + ' (')
  AND ($after IS NULL OR [coalesce(n.name, n.id), n.id] > $after)
WITH n, coalesce(n.name, n.id) AS name
ORDER BY name, n.id
LIMIT $first
RETURN
  n.id AS id,
  name,
  head([l IN labels(n) WHERE l <> 'GraphNode']) AS label,
  [k IN $fields | n[k]] AS values,
  [c IN n.sources WHERE c = $id OR c STARTS WITH $id + ' (' | c][0] AS citation
