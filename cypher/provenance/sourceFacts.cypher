// What rests on one source: nodes and relationships whose `sources` cite it (as "id" or
// "id (locator)"), each list bounded by $first, in a stable order.
// Parameters: $id, $first.
CALL (*) {
  MATCH (n:GraphNode)
  WHERE any(c IN n.sources WHERE c = $id OR c STARTS WITH $id + ' (')
  WITH n ORDER BY n.name, n.id LIMIT $first
  RETURN collect({node: properties(n), labels: labels(n), locator: [c IN n.sources WHERE c = $id OR c STARTS WITH $id + ' (' | c][0]}) AS nodes
}
CALL (*) {
  MATCH (a:GraphNode)-[r]->(b:GraphNode)
  WHERE r.sources IS NOT NULL AND any(c IN r.sources WHERE c = $id OR c STARTS WITH $id + ' (')
  WITH a, r, b ORDER BY type(r), a.id, b.id LIMIT $first
  RETURN collect({type: type(r), from: properties(a), fromLabels: labels(a), to: properties(b), toLabels: labels(b), evidence: r.evidence, rule: r.rule, locator: [c IN r.sources WHERE c = $id OR c STARTS WITH $id + ' (' | c][0]}) AS relationships
}
RETURN nodes, relationships
