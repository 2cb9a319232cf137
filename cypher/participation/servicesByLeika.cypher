// Services by LeiKa key, with whether the organisation offers each (OFFERS).
// Parameters: $keys: LeiKa keys, $org: an organisation id. One row per service found.
UNWIND $keys AS key
MATCH (s:Service {leikaKey: key})
RETURN key, s.id AS id, s.name AS name, EXISTS { (:Organization {id: $org})-[:OFFERS]->(s) } AS offered
