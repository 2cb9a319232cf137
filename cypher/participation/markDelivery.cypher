// Records an attempt of a delivery: delivered, failed for good, or pending again at $next.
// Parameters: $id, $status ('delivered', 'pending', 'failed'), $at, $httpStatus, $error, $next.
MATCH (w:WebhookDelivery {id: $id})
SET w.status = $status, w.attempts = w.attempts + 1, w.lastAttemptAt = $at, w.lastStatus = $httpStatus,
  w.lastError = $error, w.nextAttemptAt = $next, w.leaseUntil = null,
  w.deliveredAt = CASE WHEN $status = 'delivered' THEN $at ELSE w.deliveredAt END
RETURN w.id AS id
