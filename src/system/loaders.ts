import type { Database } from '../neo4j/db';
import type { DatabaseInfoRecord } from './records';
import { databaseInfo } from './repository';

/** Per-request access to system facts; each is fetched at most once per request. */
export interface SystemLoaders {
  databaseInfo(): Promise<DatabaseInfoRecord>;
}

/** Creates the system loaders of one request. */
export function createSystemLoaders(db: Database, mode: DatabaseInfoRecord['mode']): SystemLoaders {
  let info: Promise<DatabaseInfoRecord> | undefined;
  return {
    databaseInfo: () => (info ??= db.read(databaseInfo).then((row) => ({ ...row, mode, name: db.database }))),
  };
}
