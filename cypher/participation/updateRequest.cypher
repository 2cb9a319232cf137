// Changes a participation request's properties (state, events, decision).
// Parameters: $id, $props: the properties to set.
MATCH (r:ParticipationRequest {id: $id})
SET r += $props
RETURN r.id AS id
