import type { Tx } from '../neo4j/db';
import { query } from '../neo4j/query';

type DatabaseInfoRow = { product: string; version: string; edition: string; nodeCount: number; relationshipCount: number };

const databaseInfoQuery = query<DatabaseInfoRow>('system/databaseInfo');

/** Product, version, edition and size of the graph. */
export async function databaseInfo(tx: Tx): Promise<DatabaseInfoRow> {
  const [row] = await tx.run(databaseInfoQuery);
  if (!row) throw new Error('dbms.components() returned no row');
  return row;
}
