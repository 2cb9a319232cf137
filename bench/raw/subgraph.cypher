// The neighbourhood of $id within 2 hops over every relationship between GraphNodes, in either
// direction, as the API's subgraph(ids: [$id], depth: 2) answers it: the nodes within 2 hops (id,
// model label, name) and the distinct (source, type, target) edges of the origin and of its direct
// neighbours. Like the API without `types`, it leaves out the derived types (DERIVED_REL_TYPES in
// src/model/relationships.ts: ASSESSED ties every item to the six criteria). Shared by the raw
// baseline and the peer's @cypher field. Parameters: $id.
MATCH (o:GraphNode {id: $id})
CALL (o) {
  OPTIONAL MATCH (o)-[r0]-(n:GraphNode)
  WHERE NOT type(r0) IN ['ASSESSED']
  WITH o, collect(DISTINCT n) AS ring
  RETURN ring + o AS inner
}
CALL (inner) {
  UNWIND inner AS x
  MATCH (x)-[r]-(:GraphNode)
  WHERE NOT type(r) IN ['ASSESSED']
  WITH DISTINCT startNode(r) AS a, type(r) AS type, endNode(r) AS b
  RETURN collect({source: a.id, target: b.id, type: type}) AS edges, collect(a) + collect(b) AS ends
}
CALL (inner, ends) {
  UNWIND inner + ends AS n
  WITH DISTINCT n
  RETURN collect({id: n.id, label: [l IN labels(n) WHERE l <> 'GraphNode'][0], name: coalesce(n.name, n.id)}) AS nodes
}
RETURN {nodes: nodes, edges: edges} AS subgraph
