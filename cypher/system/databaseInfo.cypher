// Product, version and edition of the Neo4j server, and the size of the graph.
// Parameters: none. Returns one row.
CALL dbms.components() YIELD name, versions, edition
RETURN
  name AS product,
  versions[0] AS version,
  edition,
  COUNT { MATCH (n) } AS nodeCount,
  COUNT { MATCH ()-[r]->() } AS relationshipCount
