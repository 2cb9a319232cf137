// Facts not re-checked since $cutoff: nodes and relationships citing sources whose `checked` date (the
// newest retrieved date of their sources) is before $cutoff or unknown; a page of $first after the key
// $after (null for the first page), by key: the checked date ('' when unknown, so those come first),
// then the node id or the relationship's type and ends. Parameters: $cutoff (YYYY-MM-DD), $after, $first.
CALL () {
  MATCH (n:GraphNode)
  WHERE n.sources IS NOT NULL AND (n.checked IS NULL OR n.checked < $cutoff)
  WITH n, coalesce(n.checked, '') + '|' + n.id AS key
  WHERE $after IS NULL OR key > $after
  RETURN key, 'node' AS entity, n.id AS id, null AS type, null AS from, null AS to, n.checked AS checked, n.evidence AS evidence, n.sources AS sources
  ORDER BY key LIMIT $first
  UNION ALL
  MATCH (a:GraphNode)-[r]->(b:GraphNode)
  WHERE r.sources IS NOT NULL AND (r.checked IS NULL OR r.checked < $cutoff)
  WITH a, r, b, coalesce(r.checked, '') + '|~' + type(r) + '|' + a.id + '|' + b.id AS key
  WHERE $after IS NULL OR key > $after
  RETURN key, 'relationship' AS entity, null AS id, type(r) AS type, a.id AS from, b.id AS to, r.checked AS checked, r.evidence AS evidence, r.sources AS sources
  ORDER BY key LIMIT $first
}
RETURN key, entity, id, type, from, to, checked, evidence, sources
ORDER BY key
LIMIT $first
