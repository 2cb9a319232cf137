// Audit entries in chain order after the sequence number $after, at most $first, filtered (each
// null = any) by subject or name, outcome and operation. Parameters: $after, $first, $subject,
// $outcome, $operation.
MATCH (a:AuditEntry)
WHERE a.seq > $after
  AND ($subject IS NULL OR a.subject = $subject OR a.name = $subject)
  AND ($outcome IS NULL OR a.outcome = $outcome)
  AND ($operation IS NULL OR a.operation = $operation)
RETURN properties(a) AS entry
ORDER BY a.seq
LIMIT $first
