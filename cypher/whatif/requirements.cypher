// MUSS/SOLL requirements with what they require (components and standards) and what they apply to.
// Read once per graph version.
MATCH (r:Requirement)
RETURN r.id AS id, r.level AS level,
       COLLECT { MATCH (r)-[:REQUIRES]->(t) WHERE t:Component OR t:Standard RETURN t.id } AS targets,
       COLLECT { MATCH (r)-[:APPLIES_TO]->(x) RETURN x.id } AS appliesTo
