// How many facts (nodes and relationships citing sources) were not re-checked since $cutoff: their
// `checked` date is before $cutoff or unknown. Parameters: $cutoff (YYYY-MM-DD).
RETURN
  COUNT { MATCH (n:GraphNode) WHERE n.sources IS NOT NULL AND (n.checked IS NULL OR n.checked < $cutoff) } AS nodes,
  COUNT { MATCH (:GraphNode)-[r]->(:GraphNode) WHERE r.sources IS NOT NULL AND (r.checked IS NULL OR r.checked < $cutoff) } AS relationships
