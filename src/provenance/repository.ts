import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import type { NodeRecord } from '../graph/records';
import { COVERAGE_LEVEL_LIMIT, COVERAGE_TOPIC_LIMIT } from './bounds';
import { encodeFactCursor } from './factCursor';
import { evidenceOf, locatorOf, toSourceRecord, type CitingNodeRecord, type CitingRelationshipRecord, type CoverageGroupRecord, type CoverageRecord, type RuleRecord, type SourceRecord } from './records';

const sourcesByIdsQuery = query<{ id: string; source: Record<string, unknown> | null }>('provenance/sourcesByIds');
const listSourcesQuery = query<{ total: number; page: Record<string, unknown>[] }>('provenance/listSources');
type FactEnd = { id: string; name: string; label: string; values: unknown[] };
const sourceFactNodesQuery = query<FactEnd & { citation: string | null }>('provenance/sourceFactNodes');
const sourceFactRelationshipsQuery = query<{ type: string; evidence: string | null; rule: string | null; citation: string | null; from: FactEnd; to: FactEnd }>('provenance/sourceFactRelationships');
type RawGroup = { key: string; name: string; services: number; sourced: number; secondary?: number; reported?: number; inferred: number };
const coverageQuery = query<{ services: number; sourced: number; secondary?: number; reported?: number; inferred: number; byLevel: RawGroup[]; byTopic: RawGroup[] }>('provenance/coverage');
const rulesQuery = query<{ rule: Record<string, unknown> }>('provenance/rules');
const staleFactsQuery = query<{ key: string; entity: 'node' | 'relationship'; id: string | null; type: string | null; from: string | null; to: string | null; checked: string | null; evidence: string | null; sources: string[] | null }>('provenance/staleFacts');
const staleCountQuery = query<{ nodes: number; relationships: number }>('provenance/staleCount');

/** A fact not re-checked since a cutoff: a node (id) or a relationship (type, from, to). */
export interface StaleFactRow {
  readonly key: string;
  readonly entity: 'node' | 'relationship';
  readonly id: string | null;
  readonly type: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly checked: string | null;
  readonly evidence: string | null;
  readonly sources: readonly string[];
}

/** A page of the facts not re-checked since `cutoff` (YYYY-MM-DD), after the key `after`, and their count. */
export async function staleFacts(tx: Tx, cutoff: string, after: string | null, first: number): Promise<{ total: number; rows: StaleFactRow[] }> {
  const rows = await tx.run(staleFactsQuery, { cutoff, after, first: intParam(first) });
  const [count] = await tx.run(staleCountQuery, { cutoff });
  return { total: (count?.nodes ?? 0) + (count?.relationships ?? 0), rows: rows.map((r) => ({ ...r, sources: r.sources ?? [] })) };
}

/** Filters of the source list. */
export interface SourceListFilter {
  readonly kind: string | null;
  readonly text: string | null;
  readonly cited: boolean | null;
}

/** Sources by id, in key order; null where an id is unknown. */
export async function sourcesByIds(tx: Tx, ids: readonly string[]): Promise<(SourceRecord | null)[]> {
  const rows = await tx.run(sourcesByIdsQuery, { ids });
  const byId = new Map(rows.map((r) => [r.id, r.source ? toSourceRecord(r.source) : null]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** One page of the registry and the total. */
export async function listSources(tx: Tx, filter: SourceListFilter, skip: number, limit: number): Promise<{ total: number; sources: SourceRecord[] }> {
  const [row] = await tx.run(listSourcesQuery, { kind: filter.kind, text: filter.text?.toLowerCase() ?? null, cited: filter.cited, skip: intParam(skip), limit: intParam(limit) });
  return { total: row?.total ?? 0, sources: (row?.page ?? []).map(toSourceRecord) };
}

/** A node record of id, name, label and the properties `fields` (those the node has). */
function factNode(end: FactEnd, fields: readonly string[]): NodeRecord {
  const props: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    const v = end.values[i];
    if (v !== null && v !== undefined) props[f] = v;
  });
  return { ...props, id: end.id, name: end.name, label: end.label };
}

/**
 * A page of the nodes citing the source `id`, by name then id, after the key `after` ([name, id]);
 * each node with the stored properties `fields` only.
 */
export async function sourceFactNodes(tx: Tx, id: string, after: readonly string[] | null, first: number, fields: readonly string[]): Promise<CitingNodeRecord[]> {
  const rows = await tx.run(sourceFactNodesQuery, { id, after, first: intParam(first), fields });
  return rows.map((r) => ({ cursor: encodeFactCursor('node', [r.name, r.id]), node: factNode(r, fields), locator: locatorOf(r.citation) }));
}

/**
 * A page of the relationships citing the source `id`, by type, start id and end id, after the key
 * `after`; the nodes at either end with the stored properties `fromFields` / `toFields` only.
 */
export async function sourceFactRelationships(
  tx: Tx,
  id: string,
  after: readonly string[] | null,
  first: number,
  fromFields: readonly string[],
  toFields: readonly string[],
): Promise<CitingRelationshipRecord[]> {
  const rows = await tx.run(sourceFactRelationshipsQuery, { id, after, first: intParam(first), fromFields, toFields });
  return rows.map((r) => ({
    cursor: encodeFactCursor('relationship', [r.type, r.from.id, r.to.id]),
    type: r.type,
    from: factNode(r.from, fromFields),
    to: factNode(r.to, toFields),
    evidence: evidenceOf(r.evidence),
    rule: r.rule,
    locator: locatorOf(r.citation),
  }));
}

/** Every rule, sorted by id. */
export async function allRules(tx: Tx): Promise<RuleRecord[]> {
  const rows = await tx.run(rulesQuery, {});
  return rows.map(({ rule: p }) => ({
    id: String(p.id),
    name: String(p.name ?? p.id),
    statement: String(p.statement ?? ''),
    type: String(p.type ?? ''),
    from: String(p.from ?? '{}'),
    to: String(p.to ?? '{}'),
    edgeCount: Number(p.edgeCount ?? 0),
    sources: Array.isArray(p.sources) ? p.sources.map(String) : [],
  }));
}

/** Known component use of all services: overall, per topic, per level. */
export async function coverage(tx: Tx): Promise<CoverageRecord> {
  const [row] = await tx.run(coverageQuery, {});
  const group = (g: RawGroup): CoverageGroupRecord => ({ key: g.key, name: g.name, services: g.services, sourced: g.sourced, secondary: g.secondary ?? 0, reported: g.reported ?? 0, inferred: g.inferred, none: g.services - g.sourced - (g.secondary ?? 0) - (g.reported ?? 0) - g.inferred });
  const services = row?.services ?? 0;
  const sourced = row?.sourced ?? 0;
  const secondary = row?.secondary ?? 0;
  const reported = row?.reported ?? 0;
  const inferred = row?.inferred ?? 0;
  return {
    services,
    sourced,
    secondary,
    reported,
    inferred,
    none: services - sourced - secondary - reported - inferred,
    byTopic: (row?.byTopic ?? []).slice(0, COVERAGE_TOPIC_LIMIT).map(group),
    byLevel: (row?.byLevel ?? []).slice(0, COVERAGE_LEVEL_LIMIT).map(group),
  };
}
