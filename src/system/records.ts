/** What the `About` resolvers start from; `database` is loaded on demand. */
export interface AboutRecord {
  readonly name: string;
  readonly version: string;
}

/** One row of `cypher/system/databaseInfo.cypher`, plus how this process reaches the server. */
export interface DatabaseInfoRecord {
  readonly product: string;
  readonly version: string;
  readonly edition: string;
  readonly nodeCount: number;
  readonly relationshipCount: number;
  readonly mode: 'embedded' | 'external';
  readonly name: string;
}
