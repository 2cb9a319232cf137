// Every accepted proposal in the order it was accepted: the overlay every load re-applies.
// Parameters: none.
MATCH (p:Proposal {status: 'accepted'})
RETURN properties(p) AS proposal
ORDER BY p.seq
