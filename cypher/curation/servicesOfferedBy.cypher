// Which of these services an organisation offers (OFFERS): a report by the organisation may state
// what they use. Parameters: $org, $ids. Returns one row per service it offers.
UNWIND $ids AS id
MATCH (:Organization {id: $org})-[:OFFERS]->(s:Service {id: id})
RETURN s.id AS id
