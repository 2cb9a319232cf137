// One proposal by id. Parameters: $id. Returns its properties, or no row.
MATCH (p:Proposal {id: $id})
RETURN properties(p) AS proposal
