// The registry entries with these ids or addresses (to check citations and new entries).
// Parameters: $ids, $urls. Returns their id, url and kind.
MATCH (s:Source)
WHERE s.id IN $ids OR s.url IN $urls
RETURN s.id AS id, s.url AS url, s.kind AS kind
