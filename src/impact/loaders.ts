import { NotFoundError } from '../errors';
import type { ImpactPlan } from '../engine/impactStatement';
import { memoizeCalls } from '../engine/memoizeCalls';
import { cut } from '../engine/paging';
import { requireLabel, requireNodeIn } from '../engine/requireNode';
import type { CompiledStatement } from '../engine/statements';
import type { NodeRecord } from '../graph/records';
import type { Database } from '../neo4j/db';
import { DEPENDENCY_ENTRY_LIMIT } from './bounds';
import type { DependencyTreeRecord, ImpactReportRecord } from './records';
import { reportFromRow } from './reportFromRow';
import * as repo from './repository';

/** Per-request impact traversals; each costs a fixed number of round trips, whatever the size of the answer. */
export interface ImpactLoaders {
  /** The impact of a change of `id`: one round trip runs the statement compiled from the query's selection (src/engine/impactStatement.ts). */
  impactAnalysis(compiled: { statement: CompiledStatement; plan: ImpactPlan }, id: string, maxDepth: number, sourcedOnly: boolean): Promise<ImpactReportRecord>;
  /** What `id` builds on, within `maxDepth` hops. */
  dependencies(id: string, maxDepth: number, sourcedOnly?: boolean): Promise<DependencyTreeRecord>;
}

/** Creates the impact traversals of one request; identical calls within it (aliases) share one answer. */
export function createImpactLoaders(db: Database): ImpactLoaders {
  return memoizeCalls<ImpactLoaders>({
    async impactAnalysis(compiled, id, maxDepth, sourcedOnly) {
      const [row] = await db.read((tx) => repo.runImpactStatement(tx, compiled.statement));
      if (!row) throw new NotFoundError(`No node with id "${id}"`, { id, argument: 'id' });
      requireLabel(row.origin as NodeRecord, ['Component', 'Standard'], 'id');
      return reportFromRow(row, compiled.plan, maxDepth, sourcedOnly);
    },

    async dependencies(id, maxDepth, sourcedOnly = false) {
      return db.read(async (tx) => {
        const root = await requireNodeIn(tx, id);
        const entries = await repo.dependencyTree(tx, id, maxDepth, sourcedOnly, DEPENDENCY_ENTRY_LIMIT + 1);
        return { root, entries: cut(entries, DEPENDENCY_ENTRY_LIMIT), truncated: entries.length > DEPENDENCY_ENTRY_LIMIT };
      });
    },
  });
}
