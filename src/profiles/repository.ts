import type { Tx } from '../neo4j/db';
import { intParam } from '../neo4j/db';
import { query } from '../neo4j/query';
import { toNodeRecord, type NodeRecord } from '../graph/records';
import { toChangeRecord, toLoadRecord, type ChangeRecord, type LoadRecord } from './records';

type Props = Record<string, unknown>;
type Related = { org: Props; sources: unknown; evidence: unknown } | null;

const itemProfilesQuery = query<{
  id: string;
  item: Props;
  steward: Related;
  maintainer: Related;
  endEvents: { id: string; date: string }[];
  stage: string | null;
  successors: { node: Props; labels: string[] }[];
}>('profiles/itemProfiles');
const itemAssessmentsQuery = query<{ id: string; assessments: Props[] }>('profiles/itemAssessments');
const itemInclusionsQuery = query<{ id: string; inclusions: { stack: Props; inclusion: Props }[] }>('profiles/itemInclusions');
const rankingCandidatesQuery = query<{ id: string; label: string; name: string; kind: string | null; assessments: { criterion: string; level: string; evidence: string }[] }>('profiles/rankingCandidates');
const inclusionQuery = query<{
  item: { node: Props; labels: string[] } | null;
  stack: Props | null;
  inclusion: Props | null;
  decisions: { decision: Props; outcome: string | null; rationale: string | null; scoped: boolean }[];
}>('profiles/inclusion');
const changesQuery = query<{ total: number; page: Props[] }>('profiles/changes');
const historyOfQuery = query<{ id: string; changes: Props[] }>('profiles/historyOf');
const loadsQuery = query<{ load: Props }>('profiles/loads');

/** The stored profile of an item: its properties, the steward a source names, its only maintainer. */
export interface ProfileRow {
  readonly item: Props;
  readonly steward: { org: NodeRecord; sources: string[]; evidence: string } | null;
  readonly maintainer: { org: NodeRecord; sources: string[]; evidence: string } | null;
  /** End-of-life events about it, earliest first. */
  readonly endEvents?: readonly { id: string; date: string }[];
  /** Its stage in the Deutschland-Stack. */
  readonly stage?: string | null;
  readonly successors?: readonly NodeRecord[];
}

const related = (r: Related): ProfileRow['steward'] =>
  r ? { org: toNodeRecord(r.org, ['Organization']), sources: Array.isArray(r.sources) ? r.sources.map(String) : [], evidence: String(r.evidence ?? 'sourced') } : null;

/** Profiles by item id, in key order; null where the id names no component or standard. */
export async function profilesByIds(tx: Tx, ids: readonly string[]): Promise<(ProfileRow | null)[]> {
  const rows = await tx.run(itemProfilesQuery, { ids });
  const byId = new Map(
    rows.map((r) => [
      r.id,
      { item: r.item, steward: related(r.steward), maintainer: related(r.maintainer), endEvents: r.endEvents ?? [], stage: r.stage ?? null, successors: (r.successors ?? []).map((x) => toNodeRecord(x.node, x.labels)) },
    ]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

/** One stored assessment (ASSESSED) with its criterion. */
export interface AssessmentRow {
  readonly criterion: NodeRecord;
  readonly level: string;
  readonly indicators: string[];
  readonly mapping: string | null;
  readonly decision: string | null;
  readonly evidence: string;
  readonly sources: string[];
}

/** Assessments by item id, in key order. */
export async function assessmentsByIds(tx: Tx, ids: readonly string[]): Promise<AssessmentRow[][]> {
  const rows = await tx.run(itemAssessmentsQuery, { ids });
  const byId = new Map(
    rows.map((r) => [
      r.id,
      r.assessments.map((a) => ({
        criterion: toNodeRecord(a.criterion as Props, ['Criterion']),
        level: String(a.level),
        indicators: Array.isArray(a.indicators) ? a.indicators.map(String) : [],
        mapping: typeof a.mapping === 'string' ? a.mapping : null,
        decision: typeof a.decision === 'string' ? a.decision : null,
        evidence: String(a.evidence ?? 'inferred'),
        sources: Array.isArray(a.sources) ? a.sources.map(String) : [],
      })),
    ]),
  );
  return ids.map((id) => byId.get(id) ?? []);
}

/** One inclusion of an item in a stack. */
export interface InclusionRow {
  readonly stack: NodeRecord;
  readonly props: Props;
}

/** Inclusions by item id, in key order. */
export async function inclusionsByIds(tx: Tx, ids: readonly string[]): Promise<InclusionRow[][]> {
  const rows = await tx.run(itemInclusionsQuery, { ids });
  const byId = new Map(rows.map((r) => [r.id, r.inclusions.map((i) => ({ stack: toNodeRecord(i.stack, ['Stack']), props: i.inclusion }))]));
  return ids.map((id) => byId.get(id) ?? []);
}

/** The filters of a ranking, in the model's values (null = no filter). */
export interface RankingFilterValues {
  readonly labels: readonly string[];
  readonly layer: string | null;
  readonly stack: string | null;
  readonly licenceClasses: readonly string[] | null;
  readonly operatingModels: readonly string[] | null;
  readonly stages: readonly string[] | null;
}

/** A ranking candidate: the item and its level per weighted criterion. */
export interface RankingCandidate {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  /** The component kind (null for standards). */
  readonly kind?: string | null;
  readonly levels: Readonly<Record<string, { level: string; evidence: string }>>;
}

/** Every item the filters let through, with its levels for the given criteria. */
export async function rankingCandidates(tx: Tx, filter: RankingFilterValues, criteria: readonly string[]): Promise<RankingCandidate[]> {
  const rows = await tx.run(rankingCandidatesQuery, { ...filter, criteria });
  return rows.map((r) => ({ id: r.id, label: r.label, name: r.name, kind: r.kind ?? null, levels: Object.fromEntries(r.assessments.map((a) => [a.criterion, { level: a.level, evidence: a.evidence }])) }));
}

/** What is stored about an item and a stack. */
export interface InclusionFacts {
  readonly item: NodeRecord | null;
  readonly stack: NodeRecord | null;
  readonly inclusion: Props | null;
  readonly decisions: { decision: NodeRecord; outcome: string | null; rationale: string | null; scoped: boolean }[];
}

export async function inclusionFacts(tx: Tx, item: string, stack: string): Promise<InclusionFacts> {
  const [r] = await tx.run(inclusionQuery, { item, stack });
  return {
    item: r?.item ? toNodeRecord(r.item.node, r.item.labels) : null,
    stack: r?.stack ? toNodeRecord(r.stack, ['Stack']) : null,
    inclusion: r?.inclusion ?? null,
    decisions: (r?.decisions ?? []).map((d) => ({ decision: toNodeRecord(d.decision, ['Decision']), outcome: d.outcome, rationale: d.rationale, scoped: d.scoped })),
  };
}

export interface ChangeFilterValues {
  readonly since: string;
  readonly until: string | null;
  readonly entity: string | null;
  readonly op: string | null;
  readonly label: string | null;
  readonly node: string | null;
}

export async function listChanges(tx: Tx, filter: ChangeFilterValues, skip: number, limit: number): Promise<{ total: number; changes: ChangeRecord[] }> {
  const [r] = await tx.run(changesQuery, { ...filter, skip: intParam(skip), limit: intParam(limit) });
  return { total: r?.total ?? 0, changes: (r?.page ?? []).map(toChangeRecord) };
}

/** The change log of nodes (the node and relationships at it), newest first, in key order. */
export async function historyOf(tx: Tx, ids: readonly string[], limit: number): Promise<ChangeRecord[][]> {
  const rows = await tx.run(historyOfQuery, { ids, limit: intParam(limit) });
  const byId = new Map(rows.map((r) => [r.id, r.changes.map(toChangeRecord)]));
  return ids.map((id) => byId.get(id) ?? []);
}

/** Loads by id (or the newest `limit` when ids is null). */
export async function loads(tx: Tx, ids: readonly string[] | null, limit: number): Promise<LoadRecord[]> {
  const rows = await tx.run(loadsQuery, { ids, limit: intParam(limit) });
  return rows.map((r) => toLoadRecord(r.load));
}
