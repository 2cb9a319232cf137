// Full-text search over names, descriptions and aliases (index node_text), best first.
// Parameters: $query: a Lucene query (escaped by the caller), $labels: [string] or null, $first: integer.
CALL db.index.fulltext.queryNodes('node_text', $query) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN properties(node) AS node, labels(node) AS labels, score
ORDER BY score DESC, node.id
LIMIT $first
