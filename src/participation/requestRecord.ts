import type { PropValue } from '../seed/graph';
import type { StoredRequest } from './repository';

/** One event of a request's timeline. */
export interface TimelineEventRecord {
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  readonly organization: string | null;
  readonly text: string | null;
}

/** A criterion's level and reason (self-assessment or decision); level in the model's spelling. */
export interface CriterionResultRecord {
  readonly criterion: string;
  readonly level: string;
  readonly reason: string;
  readonly sources: readonly string[];
}

/** What was decided on an inclusion request. */
export interface InclusionDecisionRecord {
  readonly outcome: 'included' | 'rejected' | 'deferred';
  readonly reason: string;
  readonly reference: string | null;
  readonly criteria: readonly CriterionResultRecord[];
  readonly reviewer: string;
  readonly reviewerName: string;
  readonly organization: string;
  readonly decidedAt: string;
  readonly decisionId: string;
  readonly proposal: string | null;
}

/** An inclusion request as the resolvers see it. */
export interface InclusionRequestRecord {
  readonly id: string;
  readonly number: number;
  readonly status: 'submitted' | 'changes_requested' | 'included' | 'rejected' | 'deferred' | 'withdrawn';
  readonly itemId: string;
  readonly itemName: string;
  readonly newItem: Readonly<Record<string, PropValue>> | null;
  readonly stack: string;
  readonly summary: string;
  readonly selfAssessment: readonly CriterionResultRecord[];
  readonly author: string;
  readonly authorName: string;
  readonly organization: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly timeline: readonly TimelineEventRecord[];
  readonly decision: InclusionDecisionRecord | null;
}

/** An exception request as the resolvers see it. */
export interface ExceptionRequestRecord {
  readonly id: string;
  readonly number: number;
  readonly status: 'submitted' | 'granted' | 'refused' | 'withdrawn';
  readonly requirementId: string;
  readonly grantedForId: string;
  readonly justification: string;
  readonly until: string;
  readonly sources: readonly string[];
  readonly author: string;
  readonly authorName: string;
  readonly organization: string;
  readonly createdAt: string;
  readonly timeline: readonly TimelineEventRecord[];
  /** The Exception node's id, once granted. */
  readonly exceptionId: string | null;
  readonly proposal: string | null;
}

const text = (v: PropValue | null | undefined): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(v: PropValue | null | undefined, fallback: T): T => (typeof v === 'string' && v !== '' ? (JSON.parse(v) as T) : fallback);

/** Reads a stored inclusion request. */
export function readInclusionRequest(r: StoredRequest): InclusionRequestRecord {
  return {
    id: String(r.id),
    number: Number(r.number ?? 0),
    status: String(r.status) as InclusionRequestRecord['status'],
    itemId: String(r.itemId),
    itemName: String(r.itemName ?? r.itemId),
    newItem: json<Record<string, PropValue> | null>(r.newItem, null),
    stack: String(r.stack),
    summary: String(r.summary ?? ''),
    selfAssessment: json<CriterionResultRecord[]>(r.selfAssessment, []),
    author: String(r.author ?? ''),
    authorName: String(r.authorName ?? r.author ?? ''),
    organization: String(r.organization ?? ''),
    createdAt: String(r.createdAt ?? ''),
    updatedAt: String(r.updatedAt ?? r.createdAt ?? ''),
    timeline: json<TimelineEventRecord[]>(r.events, []),
    decision: json<InclusionDecisionRecord | null>(r.decision, null),
  };
}

/** Reads a stored exception request. */
export function readExceptionRequest(r: StoredRequest): ExceptionRequestRecord {
  return {
    id: String(r.id),
    number: Number(r.number ?? 0),
    status: String(r.status) as ExceptionRequestRecord['status'],
    requirementId: String(r.requirement),
    grantedForId: String(r.grantedFor),
    justification: String(r.justification ?? ''),
    until: String(r.until ?? ''),
    sources: Array.isArray(r.sources) ? r.sources.map(String) : [],
    author: String(r.author ?? ''),
    authorName: String(r.authorName ?? r.author ?? ''),
    organization: String(r.organization ?? ''),
    createdAt: String(r.createdAt ?? ''),
    timeline: json<TimelineEventRecord[]>(r.events, []),
    exceptionId: text(r.exceptionId),
    proposal: text(r.proposal),
  };
}
