// Claims pending deliveries that are due, oldest first, for a lease (another process skips them
// until it ends). Parameters: $now, $leaseUntil (ISO times), $limit.
MATCH (w:WebhookDelivery {status: 'pending'})
WHERE w.nextAttemptAt <= $now AND (w.leaseUntil IS NULL OR w.leaseUntil <= $now)
WITH w ORDER BY w.nextAttemptAt, w.createdAt, w.id LIMIT $limit
SET w.leaseUntil = $leaseUntil
RETURN w.id AS id, w.url AS url, w.event AS event, w.body AS body, w.attempts AS attempts
