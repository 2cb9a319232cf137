// Records one load in the change log: a :Load node (not :GraphNode, so traversals never see it).
// Parameters: $load: { id, at, datasets, inputHash, initial, nodesAdded, nodesRemoved, nodesChanged,
// relationshipsAdded, relationshipsRemoved, relationshipsChanged, graphVersion }.
CREATE (l:Load)
SET l = $load
RETURN l.id AS id
