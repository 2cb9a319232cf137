/** How tests reach the Neo4j of this run: set by globalSetup, or taken from NEO4J_URI. */
export interface TestNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** The Neo4j that globalSetup started (or NEO4J_URI); fails loudly, with the address, when absent. */
export function testNeo4j(): TestNeo4j {
  const uri = process.env.DSG_TEST_NEO4J_URI;
  if (!uri) {
    throw new Error('DSG_TEST_NEO4J_URI is not set: integration tests need the Neo4j that test/support/globalSetup.ts starts (run them through `npm test` or `npx jest`)');
  }
  return {
    uri,
    user: process.env.DSG_TEST_NEO4J_USER ?? 'neo4j',
    password: process.env.DSG_TEST_NEO4J_PASSWORD ?? '',
    database: process.env.DSG_TEST_NEO4J_DATABASE ?? 'neo4j',
  };
}
