// Sets properties of a proposal (its decision, its acceptance order, a conflict of a load).
// Parameters: $id, $props. Returns the id, or no row when there is no such proposal.
MATCH (p:Proposal {id: $id})
SET p += $props
RETURN p.id AS id
