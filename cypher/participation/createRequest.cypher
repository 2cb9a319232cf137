// Files a participation request (an inclusion or exception request).
// Parameters: $props: its properties (id, kind, number, status, ...; JSON texts for nested values).
CREATE (r:ParticipationRequest)
SET r = $props
RETURN r.id AS id
