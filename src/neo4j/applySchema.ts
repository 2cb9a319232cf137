import type { Logger } from '../logger';
import { splitStatements } from './cypher';
import type { Db } from './db';
import { query } from './query';

const fulltextIndexQuery = query<{ labelsOrTypes: string[]; properties: string[] }>('system/fulltextIndex');
const dropIndexQuery = query<Record<string, never>>('system/dropIndex');

/**
 * Applies every statement of `cypher/schema/*.cypher` (constraints and indexes, written with
 * IF NOT EXISTS so that it is idempotent), then waits for the indexes to come online.
 * Schema commands cannot share a transaction with data writes, so each runs on its own.
 */
export async function applySchema(db: Db, log: Logger): Promise<number> {
  await renewChangedFulltextIndex(db, log);
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

/**
 * `CREATE FULLTEXT INDEX ... IF NOT EXISTS` keeps an index of the same name with an older label or
 * property list; when the definition in indexes.cypher lists others, the old index is dropped first
 * (it is rebuilt from the data at once).
 */
async function renewChangedFulltextIndex(db: Db, log: Logger): Promise<void> {
  const text = db.cypher.namesUnder('schema/').map((n) => db.cypher.get(n)).join('\n');
  const m = /CREATE FULLTEXT INDEX node_text IF NOT EXISTS\s+FOR \(n:([A-Za-z|]+)\)\s+ON EACH \[([^\]]+)\]/.exec(text);
  if (!m) return;
  const labels = (m[1] as string).split('|').sort();
  const props = (m[2] as string).split(',').map((p) => p.trim().replace(/^n\./, '')).sort();
  const [row] = (await db.read((tx) => tx.run(fulltextIndexQuery, { name: 'node_text' }))) as { labelsOrTypes: string[]; properties: string[] }[];
  if (!row) return;
  if (JSON.stringify([...row.labelsOrTypes].sort()) === JSON.stringify(labels) && JSON.stringify([...row.properties].sort()) === JSON.stringify(props)) return;
  await db.write((tx) => tx.run(dropIndexQuery));
  log.info({ index: 'node_text', labels, properties: props }, 'full-text index definition changed: rebuilding it');
}
