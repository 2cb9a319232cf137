// Keeps adoption reports, dated (the history behind adoptionProgress).
// Parameters: $reports: [{id, organization, item, status, date, services, note, reportedAt, author, authorName, proposal}].
UNWIND $reports AS r
CREATE (a:AdoptionReport)
SET a = r
RETURN count(a) AS created
