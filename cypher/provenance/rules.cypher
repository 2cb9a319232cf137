// Every inference rule, sorted by id.
MATCH (x:Rule)
RETURN properties(x) AS rule
ORDER BY x.id
