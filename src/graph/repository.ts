import { InputError } from '../errors';
import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type LinkRecord, type NodeRecord } from './records';
import type { CompiledStatement, ListFilter } from './projection/statements';
import type { RelationField } from './relations';

type RawNode = { node: Record<string, unknown>; labels: string[] };
type RawLink = { type: string; rel: Record<string, unknown>; node: Record<string, unknown>; labels: string[] };

const nodesByIdsQuery = query<{ id: string; node: Record<string, unknown> | null; labels: string[] | null }>('graph/nodesByIds');
const linksQueries = {
  out: query<{ id: string; links: RawLink[] }>('graph/linksOut'),
  in: query<{ id: string; links: RawLink[] }>('graph/linksIn'),
  both: query<{ id: string; links: RawLink[] }>('graph/linksBoth'),
};
const listNodesQuery = query<{ total: number; page: RawNode[] }>('graph/listNodes');
const searchQuery = query<RawNode & { score: number }>('graph/search');

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

export type { ListFilter } from './projection/statements';

/**
 * Runs a statement compiled from a query's selection (src/graph/projection): rows of plain values,
 * node records already shaped as the resolvers read them.
 */
export async function runCompiled(tx: Tx, statement: CompiledStatement): Promise<Record<string, unknown>[]> {
  return tx.runText(statement.text, statement.params, `compiled:${statement.name ?? 'statement'}`);
}

/** One page of the nodes of a label and the total count of matches. */
export async function listNodes(tx: Tx, label: string, filter: ListFilter, skip: number, limit: number): Promise<{ total: number; nodes: NodeRecord[] }> {
  const [row] = await tx.run(listNodesQuery, { label, ...filter, skip: intParam(skip), limit: intParam(limit) });
  return { total: row?.total ?? 0, nodes: (row?.page ?? []).map((p) => toNodeRecord(p.node, p.labels)) };
}

/** Full-text hits, best first. */
export async function searchNodes(tx: Tx, luceneQuery: string, labels: readonly string[] | null, first: number): Promise<{ score: number; node: NodeRecord }[]> {
  let rows;
  try {
    rows = await tx.run(searchQuery, { query: luceneQuery, labels, first: intParam(first) });
  } catch (e) {
    // The text is escaped, so this is rare (Lucene's own limits); the user can still rephrase.
    if ((e as { code?: string }).code === 'Neo.ClientError.Procedure.ProcedureCallFailed') {
      throw new InputError('text could not be searched; use fewer or simpler words', { argument: 'text' });
    }
    throw e;
  }
  return rows.map((r) => ({ score: r.score, node: toNodeRecord(r.node, r.labels) }));
}
