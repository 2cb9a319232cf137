// One page of the nodes of a label, filtered, sorted by name then id, with the total count.
// Parameters: $label; filters $text, $evidence, $kind, $family, $level, $scheme, $layer (each null = no filter);
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
WITH n
ORDER BY n.name, n.id
WITH collect(n) AS matching
RETURN
  size(matching) AS total,
  [x IN matching[$skip..($skip + $limit)] | {node: properties(x), labels: labels(x)}] AS page
