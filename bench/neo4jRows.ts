import neo4j, { type Driver } from 'neo4j-driver';
import { toPlain } from '../src/neo4j/toPlain';

/** Integers go to Cypher as INTEGER (LIMIT, slices, comparisons). */
export function cypherParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v]));
}

/** One read transaction in its own session: what an in-process caller of neo4j-driver does. Returns plain rows. */
export async function readRows(driver: Driver, database: string, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, cypherParams(params)));
    return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
  } finally {
    await session.close();
  }
}
