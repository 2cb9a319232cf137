// The layers of every component and standard, one row per IN_LAYER link (read once per graph
// version, streamed), for the impact summaries' byLayer.
MATCH (n:GraphNode)-[:IN_LAYER]->(l:Layer)
WHERE n:Component OR n:Standard
RETURN n.id AS id, l.id AS layer
