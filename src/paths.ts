import path from 'node:path';

/** The project's top folder; the same from `src/` (ts-jest, tsx) and from `dist/` (compiled). */
export const projectRoot = path.resolve(__dirname, '..');

/** Where the `.cypher` files live. */
export const cypherDir = path.join(projectRoot, 'cypher');

/** Where the GraphQL SDL files live. */
export const schemaDir = path.join(projectRoot, 'schema');
/** The SDL generated from the model (src/model): node, link and list types. */
export const generatedSchemaDir = path.join(projectRoot, 'src', 'generated', 'schema');

/** The Maven project of the Java launcher of the embedded Neo4j. */
export const launcherDir = path.join(projectRoot, 'neo4j-launcher');
