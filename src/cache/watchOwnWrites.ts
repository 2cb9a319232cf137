import type { Database, Tx } from '../neo4j/db';
import type { GraphVersionWatcher } from '../system/GraphVersionWatcher';
import { versionSetBy } from '../system/graphVersion';

/**
 * The database `db` whose write transactions tell `versions` the graph version they made, right
 * after their commit: a write that advanced the version (bumpGraphVersion) is known at once, so
 * this process never answers from before its own write. A write that failed after advancing it may
 * or may not have committed: the next request reads the version. Writes that leave the version
 * alone (proposals filed, audit entries) tell nothing.
 */
export function watchOwnWrites(db: Database, versions: Pick<GraphVersionWatcher, 'written' | 'changed'>): Database {
  return {
    database: db.database,
    read: (work) => db.read(work),
    write: async (work) => {
      // The transaction function may run again (retries): only its last run counts.
      const made: { version: number | null } = { version: null };
      try {
        const result = await db.write((tx) => {
          made.version = null;
          return work(watching(tx, (v) => (made.version = v)));
        });
        if (made.version !== null) versions.written(made.version);
        return result;
      } catch (e) {
        if (made.version !== null) versions.changed();
        throw e;
      }
    },
  };
}

function watching(tx: Tx, onVersion: (version: number) => void): Tx {
  return {
    run: async (q, params) => {
      const rows = await tx.run(q, params);
      const v = versionSetBy(q, rows);
      if (v !== null) onVersion(v);
      return rows;
    },
    runText: (cypher, params, name) => tx.runText(cypher, params, name),
    stream: (q, params, map) => tx.stream(q, params, map),
  };
}
