// Per adopted node: how many organisations of a level adopt it, in all and per status.
// The first $first nodes, most organisations first, then by name and id.
// Parameters: $level, $first: integer.
MATCH (o:Organization {level: $level})-[r:ADOPTS]->(x:GraphNode)
WITH x, o.id AS org, coalesce(r.status, 'unknown') AS status
WITH x, collect(DISTINCT org) AS orgs, collect({org: org, status: status}) AS pairs
UNWIND pairs AS pair
WITH x, orgs, pair.status AS status, count(DISTINCT pair.org) AS n
ORDER BY status
WITH x, size(orgs) AS organizations, collect({status: status, count: n}) AS byStatus
RETURN properties(x) AS node, labels(x) AS labels, organizations, byStatus
ORDER BY organizations DESC, node.name, node.id
LIMIT $first
