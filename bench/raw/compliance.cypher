// Compliance of the service $serviceId as the API computes it (cypher/compliance/complianceRows.cypher and the
// score of src/compliance/score.ts): every requirement applying to the service or to a node it uses,
// its status (not_assessable without targets, met when no target is missing, exempted by a valid
// exception, not_assessable for a conformance rule (must-meet) with a target missing, else violated:
// src/compliance/complianceStatus.ts), grouped into MUSS and SOLL, ordered by id, and the score (share of
// assessable requirements met or exempted, MUSS counting twice; 1 when none is assessable).
// Shared by the raw baseline and the peer's @cypher field. Parameters: $serviceId, $today ('YYYY-MM-DD').
MATCH (s:Service {id: $serviceId})
CALL (s) {
  CALL (s) {
    MATCH (req:Requirement)-[:APPLIES_TO]->(s)
    RETURN req, s AS via
    UNION
    MATCH (s)-[:USES]->(x:GraphNode)<-[:APPLIES_TO]-(req:Requirement)
    RETURN req, x AS via
  }
  WITH req, via
  ORDER BY req.id, CASE WHEN via = s THEN 0 ELSE 1 END, via.id
  WITH req, collect(via)[0] AS via
  OPTIONAL MATCH (req)-[:REQUIRES]->(t:GraphNode)
  WITH req, via, collect(t) AS targets
  WITH req, via, size(targets) AS targetCount,
    size([t IN targets WHERE NOT (
      t = via
      OR EXISTS { (s)-[:USES]->(t) }
      OR EXISTS { (s)-[:USES]->(:GraphNode)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(t) }
      OR EXISTS { (via)-[:DEPENDS_ON|IMPLEMENTS*1..6]->(t) }
      OR EXISTS { (s)-[:USES]->(:GraphNode)-[:MEETS]->(t) }
    )]) AS missing
  WITH req, targetCount, missing,
    EXISTS {
      MATCH (e:Exception)-[:DEVIATES_FROM]->(req)
      WHERE (e.expires IS NULL OR e.expires >= $today)
        AND (EXISTS { (e)-[:GRANTED_FOR]->(s) } OR EXISTS { (e)-[:GRANTED_FOR]->(via) })
    } AS exempt
  WITH req, CASE
      WHEN targetCount = 0 THEN 'not_assessable'
      WHEN missing = 0 THEN 'met'
      WHEN exempt THEN 'exempted'
      WHEN req.rule = 'must-meet' THEN 'not_assessable'
      ELSE 'violated'
    END AS status
  ORDER BY req.id
  RETURN
    [i IN collect({level: req.level, item: {requirement: {id: req.id}, status: status}}) WHERE i.level = 'MUSS' | i.item] AS muss,
    [i IN collect({level: req.level, item: {requirement: {id: req.id}, status: status}}) WHERE i.level <> 'MUSS' OR i.level IS NULL | i.item] AS soll
}
WITH
  {met: size([i IN muss WHERE i.status = 'met']), violated: size([i IN muss WHERE i.status = 'violated']), exempted: size([i IN muss WHERE i.status = 'exempted']), items: muss} AS muss,
  {met: size([i IN soll WHERE i.status = 'met']), violated: size([i IN soll WHERE i.status = 'violated']), exempted: size([i IN soll WHERE i.status = 'exempted']), items: soll} AS soll
WITH muss, soll,
  2 * (muss.met + muss.exempted + muss.violated) + soll.met + soll.exempted + soll.violated AS assessable
RETURN {
  score: CASE WHEN assessable = 0 THEN 1.0 ELSE toFloat(2 * (muss.met + muss.exempted) + soll.met + soll.exempted) / assessable END,
  muss: muss,
  soll: soll
} AS report
