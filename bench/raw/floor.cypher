// The raw baseline's floor: a read transaction that touches no data, the counterpart of the
// servers' `{ __typename }` (one Bolt round trip with session and transaction, nothing read).
// Parameters: none.
RETURN 1 AS one
