// Loads of the change log, newest first. Parameters: $ids (null = all), $limit.
MATCH (l:Load)
WHERE $ids IS NULL OR l.id IN $ids
RETURN properties(l) AS load
ORDER BY l.at DESC
LIMIT $limit
