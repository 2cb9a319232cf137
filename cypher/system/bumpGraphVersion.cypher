// Advances the graph version inside the transaction that changes the graph, so the new version
// becomes visible exactly when the change does (and not at all when it rolls back).
// Parameters: $reason: what changed (seed, import, generate, ...).
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.changedAt = datetime(), m.reason = $reason
RETURN m.version AS version
