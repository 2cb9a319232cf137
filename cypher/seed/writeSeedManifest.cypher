// Records what this seed load wrote (see seedManifest.cypher).
// Parameters: $nodeIds, $edgeKeys.
MERGE (m:SeedManifest {key: 'seed'})
SET m.nodeIds = $nodeIds, m.edgeKeys = $edgeKeys
RETURN size(m.nodeIds) AS nodes
