// Participation requests of one kind, newest first, each filter optional; a page of $first below the
// number $before (exclusive; null: from the newest).
// Parameters: $kind ('inclusion' or 'exception'), $status, $statuses (a list, or null), $stack, $item,
// $requirement, $organization, $before, $first.
MATCH (r:ParticipationRequest {kind: $kind})
WHERE ($status IS NULL OR r.status = $status)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($stack IS NULL OR r.stack = $stack)
  AND ($item IS NULL OR r.itemId = $item)
  AND ($requirement IS NULL OR r.requirement = $requirement)
  AND ($organization IS NULL OR r.organization = $organization)
  AND ($before IS NULL OR r.number < $before)
RETURN properties(r) AS request
ORDER BY r.number DESC
LIMIT $first
