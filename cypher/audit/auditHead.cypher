// The head of the audit chain (its last sequence number and hash), locked until the transaction
// ends so that appends are serialised. Parameters: none.
MERGE (h:AuditHead {key: 'audit'})
ON CREATE SET h.seq = 0, h.hash = ''
SET h.lockedAt = datetime()
RETURN h.seq AS seq, h.hash AS hash
