// Creates a batch of synthetic Organization nodes of a fresh generation (their ids do not exist yet),
// with the GraphNode label like every model node and the synthetic provenance.
// Parameters: $rows: [{ id, name, level, kind }], $provenance: { synthetic, evidence, source }.
// Returns one row { created }.
UNWIND $rows AS row
CREATE (n:GraphNode:Organization)
SET n = row, n += $provenance
RETURN count(n) AS created
