// One page of the nodes of a label, filtered, sorted by name then id, with the total count.
// Parameters: $label; filters $text, $evidence, $kind, $family, $level, $scheme, $layer, $stack,
// $licenceClass, $operatingModel, $stage, $from, $to (each null = no filter);
// $skip, $limit: integers. Returns one row { total, page: [{node, labels}] }.
MATCH (n:$($label))
WHERE ($text IS NULL OR toLower(n.name) CONTAINS toLower($text) OR n.leikaKey = $text)
  AND ($evidence IS NULL OR n.evidence = $evidence)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($family IS NULL OR n.family = $family)
  AND ($level IS NULL OR n.level = $level OR $level IN coalesce(n.executingLevels, []))
  AND ($scheme IS NULL OR n.scheme = $scheme)
  AND ($layer IS NULL
    OR EXISTS { (n)-[:IN_LAYER]->(:Layer)-[:PART_OF*0..3]->(:Layer {id: $layer}) }
    OR (n:Layer AND EXISTS { (n)-[:PART_OF*0..3]->(:Layer {id: $layer}) }))
  AND ($stack IS NULL OR EXISTS { (:Stack {id: $stack})-[:INCLUDES]->(n) } OR (n:Decision AND n.stack = $stack))
  AND ($licenceClass IS NULL OR n.licenceClass = $licenceClass)
  AND ($operatingModel IS NULL OR $operatingModel IN coalesce(n.operatingModels, []))
  AND ($stage IS NULL OR EXISTS { (s:Stack)-[i:INCLUDES]->(n) WHERE s.id = coalesce($stack, 'stack:germany') AND i.stage = $stage })
  AND ($from IS NULL OR (n.date IS NOT NULL AND n.date >= left($from, size(n.date))))
  AND ($to IS NULL OR (n.date IS NOT NULL AND n.date <= $to))
WITH n
ORDER BY n.name, n.id
WITH collect(n) AS matching
RETURN
  size(matching) AS total,
  [x IN matching[$skip..($skip + $limit)] | {node: properties(x), labels: labels(x)}] AS page
