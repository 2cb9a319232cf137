// Indexes for the filters users apply and the full-text search over names and descriptions.
// Idempotent: every statement uses IF NOT EXISTS.
CREATE INDEX graph_node_evidence IF NOT EXISTS FOR (n:GraphNode) ON (n.evidence);
CREATE INDEX graph_node_name IF NOT EXISTS FOR (n:GraphNode) ON (n.name);
CREATE INDEX component_licence_class IF NOT EXISTS FOR (n:Component) ON (n.licenceClass);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX change_key IF NOT EXISTS FOR (n:Change) ON (n.key);
CREATE INDEX load_at IF NOT EXISTS FOR (n:Load) ON (n.at);
CREATE INDEX change_from IF NOT EXISTS FOR (n:Change) ON (n.from);
CREATE INDEX change_to IF NOT EXISTS FOR (n:Change) ON (n.to);
CREATE INDEX participation_request_kind IF NOT EXISTS FOR (n:ParticipationRequest) ON (n.kind, n.status);
CREATE INDEX adoption_report_item IF NOT EXISTS FOR (n:AdoptionReport) ON (n.item);
CREATE INDEX webhook_delivery_status IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.status, n.nextAttemptAt);
