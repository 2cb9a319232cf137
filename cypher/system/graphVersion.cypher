// The version of the graph: a counter that every committed change advances (0 before the first load).
// Answers cached under one version are never served under another. The node is not a GraphNode.
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version
