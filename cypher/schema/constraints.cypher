// The constraints that do not follow from the model (those are in model.cypher, generated).
// Every model node also carries :GraphNode, whose unique id makes ids global (node(id) finds any node).
// Idempotent: every statement uses IF NOT EXISTS. Applied at each start by src/neo4j/applySchema.ts.
CREATE CONSTRAINT graph_node_id IF NOT EXISTS FOR (n:GraphNode) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rule_id IF NOT EXISTS FOR (n:Rule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT load_id IF NOT EXISTS FOR (n:Load) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT curation_meta_key IF NOT EXISTS FOR (n:CurationMeta) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT audit_head_key IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status);
CREATE CONSTRAINT participation_request_id IF NOT EXISTS FOR (n:ParticipationRequest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT adoption_report_id IF NOT EXISTS FOR (n:AdoptionReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
