import type { Logger } from '../logger';
import { splitStatements } from './cypher';
import type { Db } from './db';

/**
 * Applies every statement of `cypher/schema/*.cypher` (constraints and indexes, written with
 * IF NOT EXISTS so that it is idempotent), then waits for the indexes to come online.
 * Schema commands cannot share a transaction with data writes, so each runs on its own.
 */
export async function applySchema(db: Db, log: Logger): Promise<number> {
  let count = 0;
  for (const name of db.cypher.namesUnder('schema/')) {
    for (const statement of splitStatements(db.cypher.get(name))) {
      await db.write((tx) => tx.runText(statement));
      count++;
    }
  }
  await db.write((tx) => tx.runText('CALL db.awaitIndexes(300)'));
  log.info({ statements: count }, 'schema applied');
  return count;
}
