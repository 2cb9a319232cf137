// Serialises the acceptance of proposals: the counter node stays locked until the transaction ends,
// so two reviewers accepting at the same moment apply one after the other, the second against the
// first's result. Parameters: none. Returns the next acceptance sequence number.
MERGE (m:CurationMeta {key: 'accepts'})
SET m.seq = coalesce(m.seq, 0) + 1
RETURN m.seq AS seq
