import fs from 'node:fs';
import path from 'node:path';

/** A `@cypher(statement: "@raw <name>")` placeholder in bench/peer/typeDefs.graphql. */
const RAW_PLACEHOLDER = /"@raw ([A-Za-z0-9_-]+)"/g;

/**
 * Replaces every `"@raw <name>"` string by the text of `<name>` (a GraphQL string literal: JSON's
 * escapes are GraphQL's), so that the peer's @cypher fields run exactly the raw baseline's statements.
 */
export function inlineRawStatements(typeDefs: string, read: (name: string) => string): string {
  return typeDefs.replace(RAW_PLACEHOLDER, (_m, name: string) => JSON.stringify(read(name)));
}

/** The peer's type definitions with the raw statements inlined. */
export function loadPeerTypeDefs(read: (name: string) => string): string {
  return inlineRawStatements(fs.readFileSync(path.join(__dirname, 'typeDefs.graphql'), 'utf8'), read);
}
