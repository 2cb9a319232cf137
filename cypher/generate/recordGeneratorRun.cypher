// Records a completed synthetic generation, in the transaction that writes its last batch, so the
// record exists exactly when the whole generation does.
// Parameters: $fingerprint, $scale, $seed, $nodes, $relationships. Returns one row { fingerprint }.
MERGE (m:GraphMeta {key: 'generator'})
SET
  m.fingerprint = $fingerprint,
  m.scale = $scale,
  m.seed = $seed,
  m.nodes = $nodes,
  m.relationships = $relationships,
  m.generatedAt = datetime()
RETURN m.fingerprint AS fingerprint
