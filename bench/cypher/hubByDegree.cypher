// The component with the most incoming DEPENDS_ON and USES relationships (ties: smallest id).
MATCH (c:Component)
RETURN c.id AS id, COUNT { (c)<-[:DEPENDS_ON|USES]-() } AS degree
ORDER BY degree DESC, id
LIMIT 1
