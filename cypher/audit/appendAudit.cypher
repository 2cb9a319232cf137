// Appends one entry to the audit chain and moves its head. Parameters: $entry (seq, hash, ...).
MATCH (h:AuditHead {key: 'audit'})
SET h.seq = $entry.seq, h.hash = $entry.hash
CREATE (a:AuditEntry)
SET a = $entry
RETURN a.seq AS seq
