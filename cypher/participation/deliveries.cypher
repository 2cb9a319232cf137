// Webhook deliveries, newest first. Parameters: $status (null = any), $first.
MATCH (w:WebhookDelivery)
WHERE $status IS NULL OR w.status = $status
RETURN properties(w) AS delivery
ORDER BY w.createdAt DESC, w.id DESC
LIMIT $first
