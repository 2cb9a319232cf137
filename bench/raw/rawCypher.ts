import fs from 'node:fs';
import path from 'node:path';

/** The folder of the raw baseline's statements, one query per file. */
export const rawDir = __dirname;

/** Reads bench/raw/<name>.cypher; a missing file stops the benchmark with its path. */
export function readRawCypher(name: string): string {
  const file = path.join(rawDir, `${name}.cypher`);
  if (!fs.existsSync(file)) throw new Error(`missing raw Cypher statement ${file}`);
  return fs.readFileSync(file, 'utf8');
}
