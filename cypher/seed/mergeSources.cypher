// Writes the source registry as :Source nodes (not :GraphNode: sources are not part of traversals),
// replacing their properties, and removes Source nodes no longer in the registry.
// Parameters: $rows: [{ id, url, publisher, title, kind, ... , nodeCount, relationshipCount }].
CALL (*) {
  MATCH (old:Source) WHERE NOT old.id IN [row IN $rows | row.id]
  DELETE old
  RETURN count(*) AS removed
}
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row
RETURN count(s) AS written, removed
