import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord } from '../graph/records';
import { locatorOf, toSourceRecord, type CoverageGroupRecord, type CoverageRecord, type RuleRecord, type SourceFactsRecord, type SourceRecord } from './records';

const sourcesByIdsQuery = query<{ id: string; source: Record<string, unknown> | null }>('provenance/sourcesByIds');
const listSourcesQuery = query<{ total: number; page: Record<string, unknown>[] }>('provenance/listSources');
const sourceFactsQuery = query<{
  nodes: { node: Record<string, unknown>; labels: string[]; locator: string | null }[];
  relationships: { type: string; from: Record<string, unknown>; fromLabels: string[]; to: Record<string, unknown>; toLabels: string[]; evidence: string | null; rule: string | null; locator: string | null }[];
}>('provenance/sourceFacts');
type RawGroup = { key: string; name: string; services: number; sourced: number; inferred: number };
const coverageQuery = query<{ services: number; sourced: number; inferred: number; byLevel: RawGroup[]; byTopic: RawGroup[] }>('provenance/coverage');
const rulesQuery = query<{ rule: Record<string, unknown> }>('provenance/rules');

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

/** The nodes and relationships citing one source, each list bounded by `first`. */
export async function sourceFacts(tx: Tx, id: string, first: number): Promise<SourceFactsRecord> {
  const [row] = await tx.run(sourceFactsQuery, { id, first: intParam(first) });
  return {
    nodes: (row?.nodes ?? []).map((n) => ({ node: toNodeRecord(n.node, n.labels), locator: locatorOf(n.locator) })),
    relationships: (row?.relationships ?? []).map((r) => ({
      type: r.type,
      from: toNodeRecord(r.from, r.fromLabels),
      to: toNodeRecord(r.to, r.toLabels),
      evidence: r.evidence,
      rule: r.rule,
      locator: locatorOf(r.locator),
    })),
  };
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
  const group = (g: RawGroup): CoverageGroupRecord => ({ key: g.key, name: g.name, services: g.services, sourced: g.sourced, inferred: g.inferred, none: g.services - g.sourced - g.inferred });
  const services = row?.services ?? 0;
  const sourced = row?.sourced ?? 0;
  const inferred = row?.inferred ?? 0;
  return { services, sourced, inferred, none: services - sourced - inferred, byTopic: (row?.byTopic ?? []).map(group), byLevel: (row?.byLevel ?? []).map(group) };
}
