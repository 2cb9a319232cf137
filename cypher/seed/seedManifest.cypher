// What the last seed load wrote: the ids of its nodes and the keys ("TYPE|from|to") of its
// relationships. Nodes and relationships made otherwise (the generator, tests) are not in it.
// Returns at most one row.
MATCH (m:SeedManifest {key: 'seed'})
RETURN m.nodeIds AS nodeIds, m.edgeKeys AS edgeKeys
