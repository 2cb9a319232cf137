import DataLoader from 'dataloader';
import { requireRole, type Actor } from '../curation/Actor';
import { ForbiddenError } from '../errors';
import { checkRange } from '../graph/validate';
import type { NodeRecord } from '../graph/records';
import type { Database } from '../neo4j/db';
import { adoptionSeries, periodsOf } from './adoptionProgress';
import type { AdoptionInputShape, DecisionInputShape, ExceptionInputShape, ImportInputShape, InclusionInputShape, Participation, ReportImportRecord, ReportResultRecord, UseInputShape } from './Participation';
import type { AdoptionProgressRecord, AdoptionReportRecord, WebhookDeliveryRecord } from './records';
import { adoptionReports, exemptions, listRequests, progressReports, requestById, webhookDeliveries } from './repository';
import { readExceptionRequest, readInclusionRequest, type ExceptionRequestRecord, type InclusionRequestRecord } from './requestRecord';

/** The participation side and its reads, bound to one request's database view, actor and clock. */
export interface ParticipationLoaders {
  requestInclusion(input: InclusionInputShape): Promise<InclusionRequestRecord>;
  reviseInclusion(id: string, input: InclusionInputShape): Promise<InclusionRequestRecord>;
  comment(id: string, text: string): Promise<InclusionRequestRecord>;
  requestChanges(id: string, reason: string): Promise<InclusionRequestRecord>;
  decideInclusion(id: string, input: DecisionInputShape): Promise<InclusionRequestRecord>;
  withdrawInclusion(id: string): Promise<InclusionRequestRecord>;
  requestException(input: ExceptionInputShape): Promise<ExceptionRequestRecord>;
  grantException(id: string, reason: string | null): Promise<ExceptionRequestRecord>;
  refuseException(id: string, reason: string): Promise<ExceptionRequestRecord>;
  reportAdoption(input: AdoptionInputShape): Promise<ReportResultRecord>;
  reportUse(input: UseInputShape): Promise<ReportResultRecord>;
  importReports(input: ImportInputShape): Promise<ReportImportRecord>;
  inclusionRequests(f: { status: string | null; stack: string | null; item: string | null; organization: string | null; first: number; before: number | null }): Promise<InclusionRequestRecord[]>;
  inclusionRequest(id: string): Promise<InclusionRequestRecord | null>;
  notIncluded(stack: string | null, first: number): Promise<InclusionRequestRecord[]>;
  exceptionRequests(f: { status: string | null; requirement: string | null; organization: string | null; first: number; before: number | null }): Promise<ExceptionRequestRecord[]>;
  adoptionReports(f: { item: string | null; organization: string | null; first: number }): Promise<AdoptionReportRecord[]>;
  adoptionProgress(a: { item: NodeRecord; level: string | null; from: string; to: string; interval: 'month' | 'quarter' }): Promise<AdoptionProgressRecord>;
  webhookDeliveries(status: string | null, first: number): Promise<WebhookDeliveryRecord[]>;
  /** Exceptions valid today per requirement id (batched). */
  readonly exemptions: DataLoader<string, number>;
  /** Today, YYYY-MM-DD, by the request's clock. */
  today(): string;
}

/** Loaders of the participation side; `participation` is undefined on a server without sign-in (reads still work). */
export function createParticipationLoaders(db: Database, actor: Actor, participation: Participation | undefined, now: () => Date): ParticipationLoaders {
  const writes = (): Participation => {
    if (!participation) throw new ForbiddenError('This server is read-only: sign-in is not configured (OIDC_ISSUER).', { reason: 'read_only' });
    return participation;
  };
  const today = (): string => now().toISOString().slice(0, 10);
  return {
    today,
    requestInclusion: (input) => writes().requestInclusion(db, actor, input, now()),
    reviseInclusion: (id, input) => writes().reviseInclusion(db, actor, id, input, now()),
    comment: (id, text) => writes().comment(db, actor, id, text, now()),
    requestChanges: (id, reason) => writes().requestChanges(db, actor, id, reason, now()),
    decideInclusion: (id, input) => writes().decideInclusion(db, actor, id, input, now()),
    withdrawInclusion: (id) => writes().withdrawInclusion(db, actor, id, now()),
    requestException: (input) => writes().requestException(db, actor, input, now()),
    grantException: (id, reason) => writes().grantException(db, actor, id, reason, now()),
    refuseException: (id, reason) => writes().refuseException(db, actor, id, reason, now()),
    reportAdoption: (input) => writes().reportAdoption(db, actor, input, now()),
    reportUse: (input) => writes().reportUse(db, actor, input, now()),
    importReports: (input) => writes().importReports(db, actor, input, now()),
    inclusionRequests: async (f) => {
      checkRange('first', f.first, 1, 100, 1);
      const rows = await db.read((tx) => listRequests(tx, { kind: 'inclusion', status: f.status, statuses: null, stack: f.stack, item: f.item, requirement: null, organization: f.organization, before: f.before, first: f.first }));
      return rows.map(readInclusionRequest);
    },
    inclusionRequest: async (id) => {
      const r = await db.read((tx) => requestById(tx, id));
      return r && r.kind === 'inclusion' ? readInclusionRequest(r) : null;
    },
    notIncluded: async (stack, first) => {
      checkRange('first', first, 1, 200, 1);
      const rows = await db.read((tx) => listRequests(tx, { kind: 'inclusion', status: null, statuses: ['rejected', 'deferred'], stack, item: null, requirement: null, organization: null, before: null, first }));
      return rows.map(readInclusionRequest);
    },
    exceptionRequests: async (f) => {
      checkRange('first', f.first, 1, 100, 1);
      const rows = await db.read((tx) => listRequests(tx, { kind: 'exception', status: f.status, statuses: null, stack: null, item: null, requirement: f.requirement, organization: f.organization, before: f.before, first: f.first }));
      return rows.map(readExceptionRequest);
    },
    adoptionReports: async (f) => {
      checkRange('first', f.first, 1, 500, 1);
      const rows = await db.read((tx) => adoptionReports(tx, f));
      return rows.map(({ report: r, applied }) => ({
        id: String(r.id),
        organizationId: String(r.organization),
        itemId: String(r.item),
        status: String(r.status),
        date: String(r.date),
        services: Array.isArray(r.services) ? r.services.map(String) : [],
        reportedAt: String(r.reportedAt),
        author: String(r.authorName ?? r.author),
        proposal: String(r.proposal),
        applied,
      }));
    },
    adoptionProgress: async ({ item, level, from, to, interval }) => {
      const periods = periodsOf(from, to, interval);
      const last = periods[periods.length - 1];
      const rows = await db.read((tx) => progressReports(tx, item.id, level, last?.end ?? to));
      const { series, total } = adoptionSeries(rows, periods);
      return { item, interval, periods: periods.map((p) => p.label), series, total, reports: rows.length };
    },
    webhookDeliveries: async (status, first) => {
      requireRole(actor, 'admin', 'read the webhook delivery log');
      checkRange('first', first, 1, 500, 1);
      const rows = await db.read((tx) => webhookDeliveries(tx, status, first));
      return rows.map((w) => ({
        id: String(w.id),
        url: String(w.url),
        event: String(w.event),
        subject: String(w.subject),
        status: String(w.status) as WebhookDeliveryRecord['status'],
        attempts: Number(w.attempts ?? 0),
        createdAt: String(w.createdAt),
        deliveredAt: w.deliveredAt == null ? null : String(w.deliveredAt),
        nextAttemptAt: w.nextAttemptAt == null ? null : String(w.nextAttemptAt),
        lastError: w.lastError == null ? null : String(w.lastError),
        lastStatus: w.lastStatus == null ? null : Number(w.lastStatus),
      }));
    },
    exemptions: new DataLoader<string, number>(async (ids) => {
      const counts = await db.read((tx) => exemptions(tx, ids, today()));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
  };
}
