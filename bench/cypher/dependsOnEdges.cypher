// Every DEPENDS_ON between two components, and every component id (rows with a null `to`), for
// counting transitive dependents in memory.
MATCH (c:Component)
OPTIONAL MATCH (d:Component)-[:DEPENDS_ON]->(c)
RETURN c.id AS to, collect(d.id) AS from
