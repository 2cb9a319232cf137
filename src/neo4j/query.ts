/** A named Cypher statement from `cypher/<name>.cypher`; `Row` is the shape of one returned row. */
export interface Query<Row> {
  readonly name: string;
  /** Phantom field: carries the row type only at compile time. */
  readonly __row?: Row;
}

const declared = new Set<string>();

/**
 * Declares a query by file name (without `.cypher`), e.g. `query<{ ok: number }>('system/ping')`.
 * Every declared name is checked against the files when the registry loads at boot.
 */
export function query<Row>(name: string): Query<Row> {
  declared.add(name);
  return { name };
}

/** The names of all queries declared so far (modules declare theirs when they are imported). */
export function declaredQueries(): string[] {
  return [...declared].sort();
}
