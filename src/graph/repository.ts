import { InputError } from '../errors';
import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type LinkRecord, type NodeRecord } from './records';
import { attachLevels } from '../engine/attachLevels';
import type { CompiledStatement } from '../engine/statements';
import type { RelationField } from './relations';

type RawLink = { type: string; rel: Record<string, unknown>; node: Record<string, unknown>; labels: string[] };

const nodesByIdsQuery = query<{ id: string; node: Record<string, unknown> | null; labels: string[] | null }>('graph/nodesByIds');
const linksQueries = {
  out: query<{ id: string; links: RawLink[] }>('graph/linksOut'),
  in: query<{ id: string; links: RawLink[] }>('graph/linksIn'),
  both: query<{ id: string; links: RawLink[] }>('graph/linksBoth'),
};

/** Nodes by id, in key order; null where an id is unknown. */
export async function nodesByIds(tx: Tx, ids: readonly string[]): Promise<(NodeRecord | null)[]> {
  const rows = await tx.run(nodesByIdsQuery, { ids });
  const byId = new Map(rows.map((r) => [r.id, r.node && r.labels ? toNodeRecord(r.node, r.labels) : null]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** The links of many nodes along one relationship field, in key order (one list per id). */
export async function linksByIds(tx: Tx, ids: readonly string[], field: RelationField, first: number): Promise<LinkRecord[][]> {
  const rows = await tx.run(linksQueries[field.dir], { ids, type: field.rel, label: field.label, first: intParam(first) });
  const byId = new Map(rows.map((r) => [r.id, r.links]));
  return ids.map((id) =>
    (byId.get(id) ?? []).map((l) => ({ ...l.rel, type: l.type, linkType: field.linkType, node: toNodeRecord(l.node, l.labels) })),
  );
}


/**
 * Runs a statement compiled from a query's selection (src/engine): rows of plain values,
 * node records already shaped as the resolvers read them.
 */
export async function runCompiled(tx: Tx, statement: CompiledStatement): Promise<Record<string, unknown>[]> {
  try {
    const rows = await tx.runText(statement.text, statement.params, `compiled:${statement.name ?? 'statement'}`);
    const levels = statement.levels;
    if (levels) {
      for (const row of rows) {
        const roots = row[levels.roots];
        attachLevels(row, Array.isArray(roots) ? roots : [roots], levels.list);
      }
    }
    return rows;
  } catch (e) {
    // Search text is escaped, so this is rare (Lucene's own limits); the user can still rephrase.
    if (statement.name === 'search' && (e as { code?: string }).code === 'Neo.ClientError.Procedure.ProcedureCallFailed') {
      throw new InputError('text could not be searched; use fewer or simpler words', { argument: 'text' });
    }
    throw e;
  }
}
