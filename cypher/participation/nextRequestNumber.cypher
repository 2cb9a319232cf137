// Takes the next number of a kind of participation request (the counter node is locked until the
// transaction ends). Parameters: $key: 'inclusion-requests' or 'exception-requests'. Returns the number.
MERGE (m:CurationMeta {key: $key})
SET m.next = coalesce(m.next, 0) + 1
RETURN m.next AS number
