import YAML from 'yaml';
import type { PropValue } from '../seed/graph';
import type { Base } from './changeSet';
import type { OverlayEntry } from './overlay';
import { readOperations, toChangeInput, type ChangeInputShape } from './proposalInput';

/** One accepted proposal as a seed file's `curation:` section holds it. */
export interface CuratedEntry {
  readonly proposal: string;
  readonly reason: string;
  readonly organization: string;
  readonly reviewer: string;
  readonly evidence: 'sourced' | 'secondary' | 'reported';
  /** The day the review accepted it: the `checked` date of the facts it wrote. */
  readonly checked?: string;
  readonly citations: readonly string[];
  readonly sourceText: string;
  readonly changes: readonly ChangeInputShape[];
  /** What each change was based on when it was accepted (a load that finds otherwise lists a conflict). */
  readonly basedOn: readonly Base[];
}

/** The seed file `npm run export-curated` writes: the registry entries the proposals added and the overlay, in acceptance order. */
export function curatedSeedFile(entries: readonly (OverlayEntry & { reason: string })[], sources: readonly Record<string, PropValue | null>[], exportedAt: string): string {
  const doc = {
    sources: sources.map((s) => Object.fromEntries(Object.entries(s).filter(([k, v]) => v !== null && v !== false && !['curated', 'nodeCount', 'relationshipCount'].includes(k)))),
    curation: entries.map(
      (e): CuratedEntry => ({
        proposal: e.id,
        reason: e.reason,
        organization: e.stamp.organization,
        reviewer: e.stamp.reviewer,
        evidence: e.stamp.evidence,
        ...(e.stamp.checked ? { checked: e.stamp.checked } : {}),
        citations: [...e.stamp.citations],
        sourceText: e.stamp.sourceText,
        changes: e.operations.map(toChangeInput).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) as unknown as ChangeInputShape),
        basedOn: [...e.bases],
      }),
    ),
  };
  const head = [
    `# Curated facts of dstack-graph, exported ${exportedAt} by \`npm run export-curated\`.`,
    '# Accepted proposals (reviewed by someone other than their author), in the order accepted, with the',
    '# registry entries they added. Copy this file into seeds/ by a merge request: the loader applies the',
    '# `curation:` section after everything else, by the same rules as the live overlay, and refuses the',
    '# load naming the entry when a change no longer fits the other seed files.',
    '',
  ].join('\n');
  return head + YAML.stringify(doc, { lineWidth: 0 });
}

/** A `curation:` entry of a seed file as an overlay entry, or the problems with it (field, message). */
export function readCuratedEntry(raw: unknown): { entry: OverlayEntry | null; problems: { field: string; message: string }[] } {
  const problems: { field: string; message: string }[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { entry: null, problems: [{ field: '(entry)', message: 'must be a mapping' }] };
  const r = raw as Record<string, unknown>;
  for (const k of ['proposal', 'organization', 'reviewer', 'sourceText']) if (typeof r[k] !== 'string' || r[k] === '') problems.push({ field: k, message: 'is required (text)' });
  if (r.evidence !== 'sourced' && r.evidence !== 'secondary' && r.evidence !== 'reported') problems.push({ field: 'evidence', message: `must be sourced, secondary or reported, got "${String(r.evidence)}"` });
  if (!Array.isArray(r.citations) || r.citations.some((c) => typeof c !== 'string')) problems.push({ field: 'citations', message: 'must be a list of registry ids' });
  if (!Array.isArray(r.changes) || r.changes.length === 0) problems.push({ field: 'changes', message: 'must be a non-empty list of changes (op, id or type/from/to, properties, unset)' });
  if (!Array.isArray(r.basedOn) || (Array.isArray(r.changes) && r.basedOn.length !== r.changes.length)) problems.push({ field: 'basedOn', message: 'must hold one state per change' });
  if (problems.length > 0) return { entry: null, problems };
  const { operations, problems: opProblems } = readOperations(r.changes as ChangeInputShape[]);
  for (const p of opProblems) problems.push({ field: p.field.replace(/^operations/, 'changes'), message: p.message });
  if (problems.length > 0) return { entry: null, problems };
  return {
    entry: {
      id: String(r.proposal),
      operations,
      bases: r.basedOn as Base[],
      stamp: { proposal: String(r.proposal), organization: String(r.organization), reviewer: String(r.reviewer), evidence: r.evidence as 'sourced' | 'secondary' | 'reported', ...(typeof r.checked === 'string' || r.checked instanceof Date ? { checked: r.checked instanceof Date ? r.checked.toISOString().slice(0, 10) : r.checked } : {}), citations: (r.citations as string[]).map(String), sourceText: String(r.sourceText) },
    },
    problems,
  };
}
