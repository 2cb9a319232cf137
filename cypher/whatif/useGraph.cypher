// The use graph: every service's USES of a component or standard and every component's
// DEPENDS_ON and IMPLEMENTS, with the role, need, scope and evidence of the use. Read once per graph
// version: the what-if model and the traversal index (src/traversal/) are built from it.
MATCH (a:GraphNode)-[r:USES|DEPENDS_ON|IMPLEMENTS]->(b:GraphNode)
WHERE (a:Service OR a:Component) AND (b:Component OR b:Standard)
RETURN a.id AS from, CASE WHEN a:Service THEN 'Service' ELSE 'Component' END AS fromLabel, type(r) AS type, b.id AS to,
       r.role AS role, r.roleName AS roleName, r.need AS need, r.scope = 'optional' AS optional, r.evidence AS evidence
