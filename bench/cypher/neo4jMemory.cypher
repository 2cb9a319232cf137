// The heap and page cache the Neo4j server runs with.
SHOW SETTINGS YIELD name, value
WHERE name IN ['server.memory.heap.max_size', 'server.memory.heap.initial_size', 'server.memory.pagecache.size']
RETURN name, value
