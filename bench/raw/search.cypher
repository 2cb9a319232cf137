// Full-text search of one plain word over the index node_text (names, descriptions, aliases), best
// first, ties by id: the Lucene query the API builds for one word, `word OR word*`.
// Shared by the raw baseline and the peer's @cypher field. Parameters: $text (one word), $first.
CALL db.index.fulltext.queryNodes('node_text', $text + ' OR ' + $text + '*') YIELD node, score
RETURN {score: score, node: {id: node.id, name: node.name}} AS hit
ORDER BY score DESC, node.id
LIMIT toInteger($first)
