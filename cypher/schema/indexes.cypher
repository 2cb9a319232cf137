// Indexes for the filters users apply and the full-text search over names and descriptions.
// Idempotent: every statement uses IF NOT EXISTS.
CREATE INDEX component_kind IF NOT EXISTS FOR (n:Component) ON (n.kind);
CREATE INDEX standard_family IF NOT EXISTS FOR (n:Standard) ON (n.family);
CREATE INDEX organization_level IF NOT EXISTS FOR (n:Organization) ON (n.level);
CREATE INDEX layer_scheme IF NOT EXISTS FOR (n:Layer) ON (n.scheme);
CREATE INDEX service_leika_key IF NOT EXISTS FOR (n:Service) ON (n.leikaKey);
CREATE INDEX graph_node_evidence IF NOT EXISTS FOR (n:GraphNode) ON (n.evidence);
CREATE INDEX graph_node_name IF NOT EXISTS FOR (n:GraphNode) ON (n.name);
CREATE FULLTEXT INDEX node_text IF NOT EXISTS
FOR (n:Topic|LifeSituation|OzgService|Service|Component|Standard|Layer|IntegrationPoint|Organization|Stack|BuildingBlock|Requirement|Exception|Kpi|ReferencePattern|Milestone|Criterion|Decision)
ON EACH [n.name, n.description, n.descriptionEn, n.text, n.shortName, n.leikaKey, n.aliasesText, n.rationale];
CREATE INDEX component_licence_class IF NOT EXISTS FOR (n:Component) ON (n.licenceClass);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX change_key IF NOT EXISTS FOR (n:Change) ON (n.key);
CREATE INDEX load_at IF NOT EXISTS FOR (n:Load) ON (n.at);
CREATE INDEX change_from IF NOT EXISTS FOR (n:Change) ON (n.from);
CREATE INDEX change_to IF NOT EXISTS FOR (n:Change) ON (n.to);
