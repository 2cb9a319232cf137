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

/** How this process knows the graph version (`about { graphVersion }`; src/system/GraphVersionWatcher.ts). */
export interface GraphVersionState {
  /** The version last learnt; null before the first read. */
  readonly version: number | null;
  /** How long ago it was learnt, in ms (from the start of the read, or from this process's commit). */
  readonly ageMs: number | null;
  /** How old it may be before a request reads it again (GRAPH_VERSION_MAX_AGE_MS). */
  readonly maxAgeMs: number;
}
