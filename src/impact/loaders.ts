import type { CompiledImpact } from '../engine/impactStatement';
import type { ImpactHits, ImpactHitsArgs } from '../traversal/impactHits';
import { memoizeCalls } from '../engine/memoizeCalls';
import { cut } from '../engine/paging';
import { requireFound, requireLabel, requireNodeIn } from '../engine/requireNode';
import type { NodeRecord } from '../graph/records';
import type { Database } from '../neo4j/db';
import { DEPENDENCY_ENTRY_LIMIT } from './bounds';
import type { DependencyTreeRecord, ImpactReportRecord } from './records';
import { reportFromRow } from './reportFromRow';
import * as repo from './repository';

/** What the impact loaders need of the traversal index (the what-if loaders of the request provide it). */
export interface TraversalIndexAccess {
  /** The index's answer, or null while it is being built for the current graph version. */
  impactHits(args: ImpactHitsArgs): Promise<ImpactHits | null>;
}

/** The parts of the compiled statement's row that the index answers itself. */
function countsOf(hits: ImpactHits): Record<string, unknown> {
  return {
    componentCount: hits.componentCount,
    componentsSourced: hits.componentsSourced,
    componentsSecondary: hits.componentsSecondary,
    serviceCount: hits.serviceCount,
    servicesSourced: hits.servicesSourced,
    servicesSecondary: hits.servicesSecondary,
    byExecutingLevel: hits.byExecutingLevel.map((l) => ({ level: l.level, count: l.count })),
  };
}

/** Per-request impact traversals; each costs a fixed number of round trips, whatever the size of the answer. */
export interface ImpactLoaders {
  /** The impact of a change of `id`: one round trip runs the statement compiled from the query's selection (src/engine/impactStatement.ts). */
  impactAnalysis(compiled: CompiledImpact, id: string, maxDepth: number, sourcedOnly: boolean): Promise<ImpactReportRecord>;
  /** What `id` builds on, within `maxDepth` hops. */
  dependencies(id: string, maxDepth: number, sourcedOnly?: boolean): Promise<DependencyTreeRecord>;
}

/** Creates the impact traversals of one request; identical calls within it (aliases) share one answer. */
export function createImpactLoaders(db: Database, index?: TraversalIndexAccess): ImpactLoaders {
  return memoizeCalls<ImpactLoaders>({
    async impactAnalysis(compiled, id, maxDepth, sourcedOnly) {
      // The traversal index answers the topology when it holds the current version; Neo4j fills in what is selected.
      const hits = compiled.hits && index ? await index.impactHits(compiled.hits) : null;
      if (hits) {
        // A selection of ids only is all in the index: no statement at all.
        const direct = compiled.direct(hits);
        if (direct) return reportFromRow({ ...direct, ...countsOf(hits) }, compiled.plan, maxDepth, sourcedOnly);
        const row = requireFound((await db.read((tx) => repo.runImpactStatement(tx, compiled.hydrate(hits))))[0], id);
        requireLabel(row.origin as NodeRecord, ['Component', 'Standard'], 'id');
        return reportFromRow({ ...row, ...countsOf(hits) }, compiled.plan, maxDepth, sourcedOnly);
      }
      const row = requireFound((await db.read((tx) => repo.runImpactStatement(tx, compiled.statement)))[0], id);
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
