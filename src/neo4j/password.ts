import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/** The file in the embedded Neo4j's data folder that keeps its generated password. */
export function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'password');
}

/**
 * The password to use for Neo4j: NEO4J_PASSWORD when set; for the embedded Neo4j without it, the
 * one kept in `<dataDir>/password`, made at random (32 characters) on the first start and written
 * readable by its owner only (mode 0600). External servers always have NEO4J_PASSWORD (config checks it).
 */
export function resolveNeo4jPassword(neo4jConfig: Config['neo4j']): string {
  if (neo4jConfig.password !== undefined) return neo4jConfig.password;
  if (neo4jConfig.mode === 'external') throw new Error('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  const file = passwordFile(neo4jConfig.embedded.dataDir);
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= 8) {
      fs.chmodSync(file, 0o600);
      return kept;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(neo4jConfig.embedded.dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return password;
}
