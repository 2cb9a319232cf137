// One participation request by id. Parameters: $id. Returns no row when there is none.
MATCH (r:ParticipationRequest {id: $id})
RETURN properties(r) AS request
