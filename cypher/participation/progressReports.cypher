// The applied adoption reports of one item up to a date, each with its organisation's level and Land
// (a Land itself; a Kommune or body through PART_OF to a Land; the Bund and its bodies: org:bund).
// Parameters: $item, $level (null = any), $until ('YYYY-MM-DD').
MATCH (a:AdoptionReport {item: $item})
WHERE a.date <= $until
MATCH (p:Proposal {id: a.proposal})
WHERE p.status = 'accepted'
MATCH (o:Organization {id: a.organization})
WHERE $level IS NULL OR o.level = $level
OPTIONAL MATCH (o)-[:PART_OF*1..3]->(land:Organization {level: 'Land'})
OPTIONAL MATCH (o)-[:PART_OF*1..3]->(bund:Organization {id: 'org:bund'})
WITH a, o, CASE WHEN o.level = 'Land' THEN o ELSE coalesce(land, bund) END AS l
RETURN a.organization AS organization, o.level AS level, a.status AS status, a.date AS date, a.reportedAt AS reportedAt,
  coalesce(l.id, CASE WHEN o.level = 'Bund' THEN 'org:bund' ELSE '(none)' END) AS land,
  coalesce(l.name, CASE WHEN o.level = 'Bund' THEN 'Bund' ELSE '(no Land known)' END) AS landName
ORDER BY a.date, a.reportedAt
