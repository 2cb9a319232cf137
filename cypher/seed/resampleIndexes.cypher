// After a load: resample the index statistics that the load made outdated, so that the planner does
// not keep plans made for a near-empty database.
// Parameters: none.
CALL db.resampleOutdatedIndexes()
