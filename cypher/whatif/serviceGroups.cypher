// What the what-if reports and the impact summaries group services by, one row per service (read
// once per graph version, streamed): its OZG services (one entry per PART_OF link) and executing
// levels; its topics and life situations are worked out from them in the CPU worker.
MATCH (s:Service)
RETURN s.id AS id, [(s)-[:PART_OF]->(oz:OzgService) | oz.id] AS ozs, coalesce(s.executingLevels, []) AS levels
