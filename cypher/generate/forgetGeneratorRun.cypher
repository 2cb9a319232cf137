// Deletes the record of the last synthetic generation (first step of a removal, so that a removal
// cut short never leaves a record of a complete generation behind).
// Parameters: none. Returns one row { deleted }.
OPTIONAL MATCH (m:GraphMeta {key: 'generator'})
DELETE m
RETURN count(m) AS deleted
