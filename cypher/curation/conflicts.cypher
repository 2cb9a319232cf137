// Accepted proposals the last load could not re-apply, with why. Parameters: none.
MATCH (p:Proposal {status: 'accepted'})
WHERE p.conflict IS NOT NULL
RETURN p.id AS proposal, p.conflict AS conflict, p.conflictLoad AS load
ORDER BY p.seq
