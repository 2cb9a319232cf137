// Sources of the registry by id, one row per id in key order (source null when unknown).
// Parameters: $ids: [string].
UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
RETURN id, properties(s) AS source
