// After a load: drop cached query plans (they were planned against the statistics before the load).
// Parameters: none.
CALL db.clearQueryCaches()
