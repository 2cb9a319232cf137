// Queues webhook deliveries (the outbox), in the transaction of the change they announce.
// Parameters: $deliveries: [{id, url, event, subject, body, createdAt, nextAttemptAt}].
UNWIND $deliveries AS d
CREATE (w:WebhookDelivery)
SET w = d, w.status = 'pending', w.attempts = 0
RETURN count(w) AS queued
