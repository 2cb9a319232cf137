// How many exceptions from each requirement hold today (no end date, or not passed).
// Parameters: $ids: requirement ids, $today: 'YYYY-MM-DD'. One row per requirement.
UNWIND $ids AS id
OPTIONAL MATCH (e:Exception)-[:DEVIATES_FROM]->(:Requirement {id: id})
WHERE e.expires IS NULL OR e.expires >= $today
RETURN id, count(e) AS exemptions
