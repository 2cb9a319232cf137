// The labels and properties of a full-text index, to see whether it matches its definition.
// Parameters: $name. Returns at most one row.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = $name
RETURN labelsOrTypes, properties
