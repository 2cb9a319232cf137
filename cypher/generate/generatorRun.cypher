// The record of the synthetic generation that completed last (no row values when there is none).
// It is a GraphMeta node, not a GraphNode: it is no part of the model.
// Parameters: none. Returns one row { fingerprint, scale, seed, nodes, relationships }.
OPTIONAL MATCH (m:GraphMeta {key: 'generator'})
RETURN m.fingerprint AS fingerprint, m.scale AS scale, m.seed AS seed, m.nodes AS nodes, m.relationships AS relationships
