// Registry entries added through proposals or by an admin (not in the seed files), for loads and
// the export. Parameters: none.
MATCH (s:Source)
WHERE s.curated = true
RETURN properties(s) AS source
ORDER BY s.id
