// Records which accepted proposals a load could not re-apply (and clears the others').
// Parameters: $load: the load's id, $conflicts: [{ proposal, json }]. Returns how many are in conflict.
MATCH (p:Proposal {status: 'accepted'})
WITH p, [c IN $conflicts WHERE c.proposal = p.id][0] AS c
SET p.conflict = c.json, p.conflictLoad = CASE WHEN c IS NULL THEN null ELSE $load END
RETURN count(c) AS conflicts
