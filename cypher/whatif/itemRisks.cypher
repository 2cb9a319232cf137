// What makes a component or standard a risk for those who depend on it: its Deutschland-Stack stage,
// its end of support, its licence class, its steward's jurisdiction and the D-Stack criteria it does
// not meet, and its dated licence and price-model changes. Read once per graph version.
MATCH (n:GraphNode)
WHERE n:Component OR n:Standard
OPTIONAL MATCH (:Stack {id: 'stack:germany'})-[i:INCLUDES]->(n)
WITH n, i.stage AS stage
WITH n, stage, COLLECT {
  MATCH (o:Organization)-[:STEWARDS]->(n) RETURN o ORDER BY o.name, o.id LIMIT 1
}[0] AS named, COLLECT { MATCH (o:Organization)-[:MAINTAINS]->(n) RETURN o } AS maintainers
WITH n, stage, coalesce(named, CASE WHEN size(maintainers) = 1 THEN maintainers[0] END) AS steward
RETURN n.id AS id, stage, n.endOfSupport AS endOfSupport, n.licenceClass AS licenceClass, n.licence AS licence,
       steward.name AS steward, steward.country AS stewardCountry, steward.level AS stewardLevel, steward.kind AS stewardKind, labels(n) AS labels,
       CASE WHEN 'euHeadquartered' IN coalesce(n.checksFalse, []) THEN false WHEN 'euHeadquartered' IN coalesce(n.checksTrue, []) THEN true END AS euCheck,
       COLLECT { MATCH (n)-[a:ASSESSED]->(c:Criterion) WHERE a.level = 'not-met' RETURN c.name ORDER BY c.name } AS notMet,
       COLLECT { MATCH (e:Event)-[:AFFECTS]->(n) WHERE e.kind IN ['licence-change', 'price-model-change'] RETURN e.id + ' (' + e.date + ')' AS c ORDER BY c } AS licenceChanges
