// The real seed graph as the generator needs it: the Länder, every real component with its kind and
// layers, and every real service that is PART_OF an OzgService (the templates of synthetic services).
// Synthetic nodes (ids starting with $prefix) are left out.
// Parameters: $prefix. Returns one row { lands, components: [{ id, kind, layers }], services: [{ ozgService, leikaType, executingLevels }] }.
RETURN
  COLLECT {
    MATCH (o:Organization {level: 'Land', kind: 'state'})
    WHERE NOT o.id STARTS WITH $prefix
    RETURN o.id
  } AS lands,
  COLLECT {
    MATCH (c:Component)
    WHERE NOT c.id STARTS WITH $prefix
    RETURN c { .id, kind: coalesce(c.kind, 'technology'), layers: COLLECT { MATCH (c)-[:IN_LAYER]->(l:Layer) RETURN l.id ORDER BY l.id } }
  } AS components,
  COLLECT {
    MATCH (s:Service)-[:PART_OF]->(o:OzgService)
    WHERE NOT s.id STARTS WITH $prefix
    RETURN { ozgService: o.id, leikaType: coalesce(s.leikaType, ''), executingLevels: coalesce(s.executingLevels, []) }
  } AS services
