// Records a batch of changes of one load: one :Change node per node or relationship added, removed
// or changed (not :GraphNode). Parameters: $load (id), $at, $rows: [{ seq, op, entity, key, label,
// from, to, fields }].
UNWIND $rows AS row
CREATE (c:Change)
SET c = row, c.load = $load, c.at = $at
RETURN count(c) AS written
