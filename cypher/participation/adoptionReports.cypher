// Adoption reports, newest first, with whether their proposal is in the graph (accepted).
// Parameters: $item, $organization (each null = any), $first.
MATCH (a:AdoptionReport)
WHERE ($item IS NULL OR a.item = $item) AND ($organization IS NULL OR a.organization = $organization)
OPTIONAL MATCH (p:Proposal {id: a.proposal})
RETURN properties(a) AS report, coalesce(p.status = 'accepted', false) AS applied
ORDER BY a.reportedAt DESC, a.id DESC
LIMIT $first
