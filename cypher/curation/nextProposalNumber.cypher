// Takes the next proposal number (the counter node is locked until the transaction ends).
// Parameters: none. Returns the number.
MERGE (m:CurationMeta {key: 'proposals'})
SET m.next = coalesce(m.next, 0) + 1
RETURN m.next AS number
