// Adds registry entries that a proposal brought (an id already taken is left as it is).
// Parameters: $rows: [{ id, url, publisher, title, kind, ... }]. Returns how many were created.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s = row, s.nodeCount = 0, s.relationshipCount = 0, s.curated = true
RETURN count(*) AS created
