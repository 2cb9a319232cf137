// Writes the source registry as :Source nodes (not :GraphNode: sources are not part of traversals),
// replacing their properties, and removes Source nodes no longer in the registry (except those a
// proposal or an admin added: `curated`, kept until the seed files hold them). Always one row.
// Parameters: $rows: [{ id, url, publisher, title, kind, ... , nodeCount, relationshipCount }].
CALL () {
  MATCH (old:Source) WHERE NOT old.id IN [row IN $rows | row.id] AND old.curated IS NULL
  DELETE old
  RETURN count(*) AS removed
}
CALL () {
  UNWIND $rows AS row
  OPTIONAL MATCH (old:Source {id: row.id})
  WITH row, properties(old) AS before
  MERGE (s:Source {id: row.id})
  SET s = row
  RETURN count(s) AS written, sum(CASE WHEN before IS NULL OR before <> properties(s) THEN 1 ELSE 0 END) AS changed
}
RETURN written, changed, removed
