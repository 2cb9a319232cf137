// A page of the relationships citing the source $id (as "id" or "id (locator)"): by type, start id
// and end id, the first $first after [$after[0] type, $after[1] start id, $after[2] end id] (none for
// the first page). One pass over the relationships; the sort keeps $first rows (both filters before
// it), and of the nodes at either end only the properties $fromFields and $toFields (in that order)
// are read.
// Parameters: $id, $after: [type, start id, end id] or null, $first: integer, $fromFields, $toFields: [string].
MATCH (a:GraphNode)-[r]->(b:GraphNode)
WHERE r.sources IS NOT NULL
  AND any(c IN r.sources WHERE c = $id OR c STARTS WITH $id + ' (')
  AND ($after IS NULL OR [type(r), a.id, b.id] > $after)
WITH a, r, b, type(r) AS type
ORDER BY type, a.id, b.id
LIMIT $first
RETURN
  type,
  r.evidence AS evidence,
  r.rule AS rule,
  [c IN r.sources WHERE c = $id OR c STARTS WITH $id + ' (' | c][0] AS citation,
  {id: a.id, name: coalesce(a.name, a.id), label: head([l IN labels(a) WHERE l <> 'GraphNode']), values: [k IN $fromFields | a[k]]} AS from,
  {id: b.id, name: coalesce(b.name, b.id), label: head([l IN labels(b) WHERE l <> 'GraphNode']), values: [k IN $toFields | b[k]]} AS to
