// A page of the change log, newest first (by load time, then the order within the load), with the
// total. Parameters: $since, $until (ISO 8601 text or null), $entity, $op, $label, $node (each null
// = no filter), $skip, $limit.
MATCH (c:Change)
WHERE c.at >= $since AND ($until IS NULL OR c.at <= $until)
  AND ($entity IS NULL OR c.entity = $entity)
  AND ($op IS NULL OR c.op = $op)
  AND ($label IS NULL OR c.label = $label)
  AND ($node IS NULL OR c.key = $node OR c.from = $node OR c.to = $node)
WITH c ORDER BY c.at DESC, c.seq
WITH collect(c) AS matching
RETURN size(matching) AS total, [x IN matching[$skip..($skip + $limit)] | properties(x)] AS page
