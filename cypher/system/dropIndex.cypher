// Drops the full-text index of the graph's search so that applySchema creates it anew with its
// current labels and properties (IF NOT EXISTS would keep an older definition).
DROP INDEX node_text IF EXISTS
