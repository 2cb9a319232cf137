// Known component use of every service: sourced (a sourced USES to a component), secondary (no
// sourced one, but one resting on press or secondary sources), reported (one its organisation
// reported through an accepted proposal), inferred (only inferred ones), none; overall, per OZG topic and per executing level. One pass over the services.
MATCH (s:Service)
WITH s, [(s)-[u:USES]->(:Component) | u.evidence] AS uses
WITH s, CASE WHEN 'sourced' IN uses THEN 'sourced' WHEN 'secondary' IN uses THEN 'secondary' WHEN 'reported' IN uses THEN 'reported' WHEN size(uses) > 0 THEN 'inferred' ELSE 'none' END AS use
WITH s, use, [(s)-[:PART_OF]->(:OzgService)-[:PART_OF]->(:LifeSituation)-[:PART_OF]->(t:Topic) | t] AS topics
WITH collect({id: s.id, use: use, levels: coalesce(s.executingLevels, []), topics: topics}) AS rows
CALL (rows) {
  UNWIND rows AS r
  RETURN count(*) AS services, sum(CASE r.use WHEN 'sourced' THEN 1 ELSE 0 END) AS sourced, sum(CASE r.use WHEN 'secondary' THEN 1 ELSE 0 END) AS secondary, sum(CASE r.use WHEN 'reported' THEN 1 ELSE 0 END) AS reported, sum(CASE r.use WHEN 'inferred' THEN 1 ELSE 0 END) AS inferred
}
CALL (rows) {
  UNWIND rows AS r
  UNWIND r.levels AS level
  WITH level, count(*) AS services, sum(CASE r.use WHEN 'sourced' THEN 1 ELSE 0 END) AS sourced, sum(CASE r.use WHEN 'secondary' THEN 1 ELSE 0 END) AS secondary, sum(CASE r.use WHEN 'reported' THEN 1 ELSE 0 END) AS reported, sum(CASE r.use WHEN 'inferred' THEN 1 ELSE 0 END) AS inferred
  ORDER BY level
  RETURN collect({key: level, name: level, services: services, sourced: sourced, secondary: secondary, reported: reported, inferred: inferred}) AS byLevel
}
CALL (rows) {
  UNWIND rows AS r
  UNWIND r.topics AS t
  WITH DISTINCT r, t
  WITH t, count(*) AS services, sum(CASE r.use WHEN 'sourced' THEN 1 ELSE 0 END) AS sourced, sum(CASE r.use WHEN 'secondary' THEN 1 ELSE 0 END) AS secondary, sum(CASE r.use WHEN 'reported' THEN 1 ELSE 0 END) AS reported, sum(CASE r.use WHEN 'inferred' THEN 1 ELSE 0 END) AS inferred
  ORDER BY t.name, t.id
  RETURN collect({key: t.id, name: t.name, services: services, sourced: sourced, secondary: secondary, reported: reported, inferred: inferred}) AS byTopic
}
RETURN services, sourced, secondary, reported, inferred, byLevel, byTopic
