// Proposals, newest first, filtered by status, author (subject or name), organisation and a node id
// they touch; a page of $first after the number $before (exclusive; null: from the newest).
// Parameters: $status, $author, $organization, $touches (each null = any), $before, $first.
MATCH (p:Proposal)
WHERE ($status IS NULL OR p.status = $status)
  AND ($author IS NULL OR p.author = $author OR p.authorName = $author)
  AND ($organization IS NULL OR p.organization = $organization)
  AND ($touches IS NULL OR $touches IN p.touches)
  AND ($before IS NULL OR p.number < $before)
RETURN properties(p) AS proposal
ORDER BY p.number DESC
LIMIT $first
