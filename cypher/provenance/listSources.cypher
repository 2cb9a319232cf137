// One page of the source registry, most-cited first, then by id; with the total.
// Parameters: $kind, $text (lower case), $cited (boolean or null), $skip, $limit.
MATCH (s:Source)
WHERE ($kind IS NULL OR s.kind = $kind)
  AND ($text IS NULL OR toLower(coalesce(s.title, '')) CONTAINS $text OR toLower(coalesce(s.publisher, '')) CONTAINS $text OR toLower(coalesce(s.url, '')) CONTAINS $text)
  AND ($cited IS NULL OR (s.nodeCount + s.relationshipCount > 0) = $cited)
WITH s ORDER BY s.nodeCount + s.relationshipCount DESC, s.id
WITH collect(properties(s)) AS matched
RETURN size(matched) AS total, matched[$skip..$skip + $limit] AS page
