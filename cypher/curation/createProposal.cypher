// Files a proposal (a change set with its reason, citations and the state it was made against).
// Parameters: $props: the proposal's properties (id, number, status, ...; lists and JSON texts).
CREATE (p:Proposal)
SET p = $props
RETURN p.id AS id
