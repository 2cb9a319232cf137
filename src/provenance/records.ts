import { EVIDENCE, readCitation, type SourceEntry, type SourceKind } from '../model';
import type { NodeRecord } from '../graph/records';

/** A value of the Evidence enum (the model's values are the schema's). */
export type EvidenceValue = (typeof EVIDENCE)[number];

/** A stored evidence value; null when none is stored. A stored value the schema does not know is a data error. */
export function evidenceOf(stored: unknown): EvidenceValue | null {
  if (stored === null || stored === undefined) return null;
  const value = EVIDENCE.find((e) => e === stored);
  if (value === undefined) throw new Error(`stored evidence "${String(stored)}" is none of ${EVIDENCE.join(', ')}`);
  return value;
}

/** One citation as `Citation` resolves it: the source of the registry and where in it. */
export interface CitationRecord {
  readonly source: SourceRecord;
  readonly locator: string | null;
}

/** A source as the API returns it (plain values, no driver types): the registry entry and its counts. */
export interface SourceRecord extends SourceEntry {
  readonly secondary: boolean;
  readonly nodeCount: number;
  readonly relationshipCount: number;
  readonly factCount: number;
}

/** A rule as the API returns it. */
export interface RuleRecord {
  readonly id: string;
  readonly name: string;
  readonly statement: string;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly edgeCount: number;
  /** Stored citations (`id` or `id (locator)`). */
  readonly sources: readonly string[];
}

/** What rests on one source, before a page is asked for: the source and the default page size. */
export interface SourceFactsRecord {
  readonly sourceId: string;
  readonly first: number;
}

/** A node citing a source, with the cursor of its place in the page order (name, id). */
export interface CitingNodeRecord {
  readonly cursor: string;
  readonly node: NodeRecord;
  readonly locator: string | null;
}

/** A relationship citing a source, with the cursor of its place in the page order (type, start id, end id). */
export interface CitingRelationshipRecord {
  readonly cursor: string;
  readonly type: string;
  readonly from: NodeRecord;
  readonly to: NodeRecord;
  readonly evidence: EvidenceValue | null;
  /** The id of the rule that made it (`CitingRelationship.rule` resolves it). */
  readonly rule: string | null;
  readonly locator: string | null;
}

const str = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));

/** Converts a stored Source node's properties. */
export function toSourceRecord(p: Record<string, unknown>): SourceRecord {
  const nodeCount = Number(p.nodeCount ?? 0);
  const relationshipCount = Number(p.relationshipCount ?? 0);
  const kind = String(p.kind ?? 'secondary') as SourceKind;
  return {
    id: String(p.id),
    url: str(p.url),
    publisher: str(p.publisher),
    title: str(p.title),
    kind,
    secondary: kind === 'secondary' || kind === 'internal',
    language: str(p.language),
    published: str(p.published),
    retrieved: str(p.retrieved),
    via: str(p.via),
    note: str(p.note),
    titleFromAddress: p.titleFromAddress === true,
    nodeCount,
    relationshipCount,
    factCount: nodeCount + relationshipCount,
  };
}

/** The locator of a stored citation, or null. */
export function locatorOf(stored: string | null | undefined): string | null {
  return stored ? (readCitation(stored)?.locator ?? null) : null;
}

/** Known component use of services in one group (or overall). */
export interface CoverageGroupRecord {
  readonly key: string;
  readonly name: string;
  readonly services: number;
  readonly sourced: number;
  /** Services whose best known use rests on press or secondary sources only. */
  readonly secondary: number;
  readonly reported: number;
  readonly inferred: number;
  readonly none: number;
}

/** Known component use of services: overall, per topic, per level. */
export interface CoverageRecord {
  readonly services: number;
  readonly sourced: number;
  /** Services whose best known use rests on press or secondary sources only. */
  readonly secondary: number;
  readonly reported: number;
  readonly inferred: number;
  readonly none: number;
  readonly byTopic: CoverageGroupRecord[];
  readonly byLevel: CoverageGroupRecord[];
}
