import { InputError } from '../errors';
import { memoizeCalls } from '../engine/memoizeCalls';
import { cut } from '../engine/paging';
import { requireLabel, requireNode } from '../engine/requireNode';
import type { GraphLoaders } from '../graph/loaders';
import { ORGANIZATION_LEVELS } from '../model';
import type { Database } from '../neo4j/db';
import { ADOPTION_STATUS_LIMIT, COMPATIBILITY_ROW_LIMIT, COMPATIBILITY_STACK_LIMIT } from './bounds';
import type { AdoptionRecord, CompatibilityMatrixRecord } from './records';
import * as repo from './repository';

/** Per-request answers about stacks and adoption. */
export interface StackLoaders {
  /** The matrix of what the stacks `stackIds` include (1..COMPATIBILITY_STACK_LIMIT stacks), cut at COMPATIBILITY_ROW_LIMIT rows. */
  compatibility(stackIds: readonly string[]): Promise<CompatibilityMatrixRecord>;
  /** Per component or standard, how many organisations of `level` adopt it: the first `first`, most first. */
  adoption(level: string, first: number): Promise<AdoptionRecord[]>;
}

/** Creates the stack answers of one request on its graph loaders; identical calls within it share one answer. */
export function createStackLoaders(db: Database, graph: GraphLoaders): StackLoaders {
  return memoizeCalls<StackLoaders>({
    async compatibility(stackIds) {
      if (stackIds.length === 0) throw new InputError('stackIds must name at least one stack', { argument: 'stackIds' });
      if (stackIds.length > COMPATIBILITY_STACK_LIMIT) throw new InputError(`stackIds must name at most ${COMPATIBILITY_STACK_LIMIT} stacks, got ${stackIds.length}`, { argument: 'stackIds' });
      const stacks = await Promise.all(stackIds.map((s) => requireNode(graph, s, 'stackIds')));
      for (const s of stacks) requireLabel(s, ['Stack'], 'stackIds');
      // The database cuts the rows (by name, then id); one more than the bound says whether it did.
      const items = await db.read((tx) => repo.stackInclusions(tx, stackIds, COMPATIBILITY_ROW_LIMIT + 1));
      return {
        stacks,
        truncated: items.length > COMPATIBILITY_ROW_LIMIT,
        rows: cut(items, COMPATIBILITY_ROW_LIMIT)
          .sort((a, b) => a.item.name.localeCompare(b.item.name) || a.item.id.localeCompare(b.item.id))
          .map((r) => {
            const byStack = new Map(r.cells.map((c) => [c.stackId, c]));
            return {
              item: r.item,
              cells: stackIds.map((stackId) => {
                const c = byStack.get(stackId);
                return { stackId, included: Boolean(c), status: c?.status ?? null, role: c?.role ?? null };
              }),
            };
          }),
      };
    },

    async adoption(level, first) {
      if (!(ORGANIZATION_LEVELS as readonly string[]).includes(level)) throw new InputError(`level must be one of ${ORGANIZATION_LEVELS.join(', ')}, got "${level}"`, { argument: 'level' });
      const rows = await db.read((tx) => repo.adoptionByLevel(tx, level, first));
      return rows.map((r) => ({ ...r, byStatus: cut(r.byStatus, ADOPTION_STATUS_LIMIT) }));
    },
  });
}
