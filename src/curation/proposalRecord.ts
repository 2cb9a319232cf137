import type { PropValue } from '../seed/graph';
import type { DiffEntry } from './applyChangeSet';
import type { Base, Operation } from './changeSet';
import { toChangeInput, type ChangeInputShape } from './proposalInput';

/** A proposal as the resolvers see it (the stored JSON texts read back). */
export interface ProposalRecord {
  readonly id: string;
  readonly number: number;
  readonly status: 'submitted' | 'accepted' | 'rejected' | 'withdrawn';
  /** change, report, inclusion or exception (see ProposalKind). */
  readonly kind: 'change' | 'report' | 'inclusion' | 'exception';
  readonly organization: string;
  readonly author: string;
  readonly authorName: string;
  readonly reason: string;
  readonly citations: readonly string[];
  readonly newSources: readonly Record<string, PropValue | null>[];
  readonly operations: readonly Operation[];
  readonly changes: readonly ChangeInputShape[];
  /** The state of what each operation touched when it was filed. */
  readonly bases: readonly Base[];
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly reviewer: string | null;
  readonly reviewerName: string | null;
  readonly decisionReason: string | null;
  /** The diff as applied (accepted proposals only). */
  readonly applied: readonly DiffEntry[] | null;
  readonly graphVersion: number | null;
  /** Why the last load could not re-apply it (accepted proposals only). */
  readonly conflict: string | null;
}

const text = (v: PropValue | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** Reads a stored proposal. */
export function readProposal(p: Readonly<Record<string, PropValue | null | undefined>>): ProposalRecord {
  const operations = JSON.parse(String(p.operations ?? '[]')) as Operation[];
  return {
    id: String(p.id),
    number: Number(p.number ?? 0),
    status: String(p.status) as ProposalRecord['status'],
    kind: p.kind === 'report' || p.kind === 'inclusion' || p.kind === 'exception' ? p.kind : 'change',
    organization: String(p.organization ?? ''),
    author: String(p.author ?? ''),
    authorName: String(p.authorName ?? p.author ?? ''),
    reason: String(p.reason ?? ''),
    citations: Array.isArray(p.citations) ? p.citations.map(String) : [],
    newSources: JSON.parse(String(p.newSources ?? '[]')) as Record<string, PropValue | null>[],
    operations,
    changes: operations.map(toChangeInput),
    bases: JSON.parse(String(p.bases ?? '[]')) as Base[],
    createdAt: String(p.createdAt ?? ''),
    decidedAt: text(p.decidedAt),
    reviewer: text(p.reviewer),
    reviewerName: text(p.reviewerName),
    decisionReason: text(p.decisionReason),
    applied: p.diff ? (JSON.parse(String(p.diff)) as DiffEntry[]) : null,
    graphVersion: p.graphVersion === null || p.graphVersion === undefined ? null : Number(p.graphVersion),
    conflict: text(p.conflict),
  };
}

/** One entry of a proposal's diff as the API shows it. */
export interface ProposalChangeRecord {
  readonly op: ChangeInputShape['op'];
  readonly entity: 'node' | 'link';
  readonly key: string;
  readonly kind: string;
  readonly before: Readonly<Record<string, PropValue>> | null;
  readonly after: Readonly<Record<string, PropValue>> | null;
  readonly conflict: string | null;
}

/** A conflict of the last load, as the API shows it. */
export interface CurationConflictRecord {
  readonly proposal: string;
  readonly operation: number;
  readonly target: string;
  readonly message: string;
  readonly load: string | null;
}

/** `about { writes }`. */
export interface WriteAccessRecord {
  readonly enabled: boolean;
  readonly issuer: string | null;
  readonly audience: string | null;
  readonly readAccess: 'public' | 'authenticated';
  readonly writesPerMinute: number;
  readonly maxOperations: number;
}
