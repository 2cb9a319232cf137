import type { Principal } from '../auth/Principal';
import { requireRole, type Actor } from '../curation/Actor';
import { applyChangeSet, type DiffEntry } from '../curation/applyChangeSet';
import { appendToAudit, auditRecord } from '../curation/audit';
import { checkChangeSet, type ChangeProblem } from '../curation/checkChangeSet';
import { failOn, loadView, type Curation } from '../curation/Curation';
import type { Notifier } from '../curation/Notifier';
import type { ProposalRecord } from '../curation/proposalRecord';
import { lockAccepts } from '../curation/repository';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors';
import { DSTACK_CRITERIA, type Model } from '../model';
import type { Database, Tx } from '../neo4j/db';
import type { PropValue } from '../seed/graph';
import { readReportCsv, type ImportProblem } from './csv/readReportCsv';
import { isCalendarDate } from './csv/reportValues';
import { exceptionChangeSet, exceptionIdOf } from './exceptionChangeSet';
import { decisionIdOf, inclusionChangeSet, type CriterionDecision, type NewItem } from './inclusionChangeSet';
import { reportCandidates, reportChangeSet, type AdoptionFact, type UseFact } from './reportChangeSet';
import { createAdoptionReports, createRequest, listRequests, nextRequestNumber, nodeLabels, requestById, servicesByLeika, updateRequest, type StoredRequest } from './repository';
import { readExceptionRequest, readInclusionRequest, type CriterionResultRecord, type ExceptionRequestRecord, type InclusionRequestRecord, type TimelineEventRecord } from './requestRecord';

/** What the participation side needs besides the write side it builds on. */
export interface ParticipationDeps {
  readonly curation: Curation;
  readonly model: Model;
  /** true: reports go to review; false: an organisation's reports about itself apply at once. */
  readonly reportsNeedReview: boolean;
  readonly importMaxRows: number;
  readonly notifier?: Notifier;
}

/** A criterion line of a self-assessment or a decision, as the API takes it (level in GraphQL spelling). */
export interface CriterionInputShape {
  readonly criterion: string;
  readonly level: string;
  readonly reasoning?: string | null;
  readonly reason?: string | null;
  readonly sources?: readonly string[] | null;
}

/** An inclusion request as the API takes it. */
export interface InclusionInputShape {
  readonly item?: string | null;
  readonly newItem?: { readonly id: string; readonly label: string; readonly name: string; readonly kind: string; readonly description?: string | null; readonly license?: string | null; readonly steward?: string | null; readonly stewardId?: string | null; readonly layer?: string | null; readonly operatingModels?: readonly string[] | null; readonly url?: string | null } | null;
  readonly stack?: string | null;
  readonly summary: string;
  readonly selfAssessment: readonly CriterionInputShape[];
}

/** A decision as the API takes it. */
export interface DecisionInputShape {
  readonly outcome: 'included' | 'rejected' | 'deferred';
  readonly reason: string;
  readonly criteria: readonly CriterionInputShape[];
  readonly reference?: string | null;
}

/** An exception request as the API takes it. */
export interface ExceptionInputShape {
  readonly requirement: string;
  readonly grantedFor: string;
  readonly justification: string;
  readonly until: string;
  readonly sources?: readonly string[] | null;
}

/** One adoption report as the API takes it. */
export interface AdoptionInputShape {
  readonly organization: string;
  readonly item: string;
  readonly status: string;
  readonly date: string;
  readonly services?: readonly string[] | null;
  readonly note?: string | null;
}

/** One use report as the API takes it. */
export interface UseInputShape {
  readonly organization: string;
  readonly leikaKey: string;
  readonly items: readonly string[];
  readonly note?: string | null;
}

/** An import as the API takes it. */
export interface ImportInputShape {
  readonly kind: 'adoption' | 'use';
  readonly organization: string;
  readonly csv?: string | null;
  readonly base64?: string | null;
  readonly dryRun?: boolean | null;
  readonly fileName?: string | null;
}

/** What a report did: applied or filed for review, with its proposal. */
export interface ReportResultRecord {
  readonly outcome: 'applied' | 'submitted';
  readonly proposal: ProposalRecord;
}

/** The result of an import or its dry run. */
export interface ReportImportRecord {
  readonly dryRun: boolean;
  readonly rows: number;
  readonly problems: readonly ImportProblem[];
  readonly diff: readonly DiffEntry[];
  readonly changes: number;
  readonly outcome: 'applied' | 'submitted' | null;
  readonly proposal: ProposalRecord | null;
}

const ITEM_LABELS = ['Component', 'Standard'];
const EXEMPTABLE = ['Service', 'Component', 'Organization', 'IntegrationPoint'];
const ADOPTION = ['planned', 'piloting', 'in-use', 'retired'];
const LEIKA = /^\d{14}$/;
const NEW_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const OPEN = ['submitted', 'changes_requested'];
const day = (d: Date): string => d.toISOString().slice(0, 10);
const modelLevel = (v: string): string => v.replace(/_/g, '-');
const MAX_TEXT = 10_000;

/** The requester as the principal a proposal is filed for (the decision is made by someone else). */
const requesterOf = (r: StoredRequest): Principal => ({ subject: String(r.author), name: String(r.authorName ?? r.author), roles: [], organizations: [String(r.organization)] });

/**
 * Taking part: inclusion requests with a reviewer's reasoned decision, exception requests, and an
 * organisation's adoption and use reports. Whatever reaches the graph goes through the write side
 * (Curation): filed as a proposal, checked by the model's one validator, applied in the same
 * transaction as the request's new state, audited, and re-applied by every load (the overlay).
 */
export class Participation {
  constructor(private readonly deps: ParticipationDeps) {}

  // ----- inclusion requests ------------------------------------------------------------------

  /** Files an inclusion request with its self-assessment (role contributor). */
  requestInclusion(db: Database, actor: Actor, input: InclusionInputShape, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'requestInclusion', ids: [input.item ?? input.newItem?.id ?? ''], after: { stack: input.stack ?? 'stack:germany' } }, async () => {
      const author = requireRole(actor, 'contributor', 'request an inclusion');
      c.limit(author);
      const organization = c.organizationOf(author, null);
      const record = await db.write(async (tx) => {
        const checked = await this.checkInclusion(tx, input, organization);
        const open = await listRequests(tx, { kind: 'inclusion', status: null, statuses: OPEN, stack: checked.stack, item: checked.itemId, requirement: null, organization: null, before: null, first: 1 });
        if (open[0]) throw new ConflictError(`${String(open[0].id)} already asks to include ${checked.itemId} in ${checked.stack} and is still open; comment on it or wait for its decision.`, { request: open[0].id });
        if (!checked.newItem && (await loadView(tx, [{ op: 'addLink', type: 'INCLUDES', from: checked.stack, to: checked.itemId, properties: {} }])).link('INCLUDES', checked.stack, checked.itemId) !== null) {
          throw new ConflictError(`${checked.stack} includes ${checked.itemId} already (see inclusion(item, stack)); to change how, propose a change to the INCLUDES link.`, { item: checked.itemId, stack: checked.stack });
        }
        const props = await this.fileRequest(tx, actor, author, organization, 'inclusion', now, input.summary.trim(), {
          itemId: checked.itemId,
          itemName: checked.itemName,
          newItem: checked.newItem ? JSON.stringify(checked.newItem) : null,
          stack: checked.stack,
          summary: input.summary.trim(),
          selfAssessment: JSON.stringify(checked.selfAssessment),
        }, { ids: [checked.itemId, checked.stack], after: { item: checked.itemId, stack: checked.stack, newItem: checked.newItem !== null } });
        return readInclusionRequest(props);
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** Revises one's own request after changes were asked for (or while it is submitted). */
  reviseInclusion(db: Database, actor: Actor, id: string, input: InclusionInputShape, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'reviseInclusionRequest', ids: [id] }, async () => {
      const author = requireRole(actor, 'contributor', 'revise an inclusion request');
      c.limit(author);
      return this.changeRequest(db, id, 'inclusion', async (tx, r) => {
        ownOpenRequest(r, author, 'revise');
        const checked = await this.checkInclusion(tx, input, String(r.organization));
        const at = now.toISOString();
        const props = {
          status: 'submitted',
          itemId: checked.itemId,
          itemName: checked.itemName,
          newItem: checked.newItem ? JSON.stringify(checked.newItem) : null,
          stack: checked.stack,
          summary: input.summary.trim(),
          selfAssessment: JSON.stringify(checked.selfAssessment),
          updatedAt: at,
          events: appendEvent(r, event(at, 'revised', author, String(r.organization), input.summary.trim())),
        };
        await appendToAudit(tx, auditRecord(actor, { operation: 'reviseInclusionRequest', ids: [id], before: { status: r.status }, after: { status: 'submitted' } }, 'recorded'));
        await this.notify(tx, 'inclusion', id, 'submitted', String(r.status), String(r.organization), author.name);
        return props;
      });
    });
  }

  /** Adds a comment to a request's timeline (its author, or a reviewer). */
  comment(db: Database, actor: Actor, id: string, text: string, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'commentOnRequest', ids: [id] }, async () => {
      const who = requireRole(actor, ['contributor', 'reviewer'], 'comment on a request');
      c.limit(who);
      if (text.trim() === '' || text.length > MAX_TEXT) throw new InputError(`A comment needs text (at most ${MAX_TEXT} characters).`, { field: 'text' });
      return this.changeRequest(db, id, 'inclusion', async (tx, r) => {
        if (r.author !== who.subject && !who.roles.includes('reviewer')) throw new ForbiddenError(`Only the author of ${id} and reviewers comment on it.`, { request: id });
        const at = now.toISOString();
        await appendToAudit(tx, auditRecord(actor, { operation: 'commentOnRequest', ids: [id], after: { text: text.trim() } }, 'recorded'));
        return { updatedAt: at, events: appendEvent(r, event(at, 'commented', who, who.organizations[0] ?? null, text.trim())) };
      });
    });
  }

  /** Asks the author for changes (role reviewer, not one's own request). */
  requestChanges(db: Database, actor: Actor, id: string, reason: string, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'requestChanges', ids: [id], after: { reason } }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'ask for changes to a request');
      c.limit(reviewer);
      if (reason.trim() === '') throw new InputError('Say which changes you ask for (reason).', { field: 'reason' });
      return this.changeRequest(db, id, 'inclusion', async (tx, r) => {
        this.reviewable(r, reviewer, 'ask for changes to');
        const at = now.toISOString();
        await appendToAudit(tx, auditRecord(actor, { operation: 'requestChanges', ids: [id], before: { status: r.status }, after: { status: 'changes_requested', reason: reason.trim() } }, 'recorded'));
        await this.notify(tx, 'inclusion', id, 'changes_requested', String(r.status), String(r.organization), reviewer.name);
        return { status: 'changes_requested', updatedAt: at, events: appendEvent(r, event(at, 'changes_requested', reviewer, reviewer.organizations[0] ?? null, reason.trim())) };
      });
    });
  }

  /**
   * Decides an inclusion request (role reviewer, not one's own): the Decision with its ratings goes
   * into the graph through a proposal applied in the same transaction as the request's new state.
   */
  decideInclusion(db: Database, actor: Actor, id: string, input: DecisionInputShape, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'decideInclusion', ids: [id], after: { outcome: input.outcome, reason: input.reason } }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'decide an inclusion request');
      c.limit(reviewer);
      const body = reviewer.organizations[0];
      if (body === undefined) throw new ForbiddenError('Your token names no organisation (the organisation claim): a decision names the deciding organisation.', { reason: 'no_organization' });
      const problems: ChangeProblem[] = [];
      if (input.reason.trim() === '' || input.reason.length > MAX_TEXT) problems.push({ field: 'reason', message: `is required (at most ${MAX_TEXT} characters): say why` });
      const criteria = this.readCriteria(input.criteria, 'criteria', problems, true) as CriterionDecision[];
      failOn(problems, 'decision');
      const record = await db.write(async (tx) => {
        const seq = await lockAccepts(tx);
        const r = await this.requestOf(tx, id, 'inclusion');
        this.reviewable(r, reviewer, 'decide');
        const stack = String(r.stack);
        const stored = readInclusionRequest(r);
        const names = await nodeLabels(tx, [stored.itemId, stack, body]);
        if (!names.has(body)) throw new ForbiddenError(`Your organisation "${body}" is not in the graph; a decision names the deciding organisation.`, { organization: body });
        const newItem = stored.newItem && !names.has(stored.itemId) ? (stored.newItem as unknown as NewItem) : null;
        if (!newItem && !names.has(stored.itemId)) throw new ConflictError(`${stored.itemId} is no longer in the graph; ask the author to revise ${id}.`, { request: id });
        const date = day(now);
        const included = await loadView(tx, [{ op: 'addLink', type: 'INCLUDES', from: stack, to: stored.itemId, properties: {} }]);
        const operations = inclusionChangeSet({ requestId: id, outcome: input.outcome, reason: input.reason.trim(), reference: input.reference?.trim() || null, criteria, date, itemId: stored.itemId, itemName: stored.itemName, newItem, stack, stackName: String(names.get(stack)?.name ?? stack), body, bodyName: String(names.get(body)?.name ?? body), alreadyIncluded: included.link('INCLUDES', stack, stored.itemId) !== null });
        const sourceText = `Decision on ${id} by ${String(names.get(body)?.name ?? body)} (${reviewer.name}), ${date}`;
        // The decision's facts are the deciding organisation's: the reviewer files and applies them.
        const filed = await c.fileInTx(tx, actor, reviewer, { reason: `${id}: ${input.outcome}. ${input.reason.trim()}`, citations: [], newSources: [], organization: null, authorOrganization: body, kind: 'inclusion', operations, request: id, sourceText, auditOperation: 'decideInclusion' });
        const applied = await c.applyInTx(tx, actor, filed.stored, reviewer, seq, { operations, view: filed.view });
        const at = now.toISOString();
        const decision = { outcome: input.outcome, reason: input.reason.trim(), reference: input.reference?.trim() || null, criteria: criteria.map((x) => ({ criterion: x.criterion, level: x.level, reason: x.reason, sources: [] })), reviewer: reviewer.subject, reviewerName: reviewer.name, organization: body, decidedAt: at, decisionId: decisionIdOf(id), proposal: applied.id };
        const props = { status: input.outcome, decision: JSON.stringify(decision), proposal: applied.id, updatedAt: at, events: appendEvent(r, event(at, input.outcome, reviewer, body, input.reason.trim())) };
        await updateRequest(tx, id, props);
        await appendToAudit(tx, auditRecord(actor, { operation: 'decideInclusion', ids: [id, applied.id, decisionIdOf(id)], before: { status: r.status }, after: { status: input.outcome, criteria: decision.criteria } }, 'applied'));
        await this.notify(tx, 'inclusion', id, input.outcome, String(r.status), String(r.organization), reviewer.name);
        return readInclusionRequest({ ...r, ...props });
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** Withdraws one's own open inclusion request. */
  withdrawInclusion(db: Database, actor: Actor, id: string, now: Date): Promise<InclusionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'withdrawInclusionRequest', ids: [id] }, async () => {
      const author = requireRole(actor, 'contributor', 'withdraw an inclusion request');
      c.limit(author);
      return this.changeRequest(db, id, 'inclusion', async (tx, r) => {
        ownOpenRequest(r, author, 'withdraw');
        const at = now.toISOString();
        await appendToAudit(tx, auditRecord(actor, { operation: 'withdrawInclusionRequest', ids: [id], before: { status: r.status }, after: { status: 'withdrawn' } }, 'recorded'));
        await this.notify(tx, 'inclusion', id, 'withdrawn', String(r.status), String(r.organization), author.name);
        return { status: 'withdrawn', updatedAt: at, events: appendEvent(r, event(at, 'withdrawn', author, String(r.organization), null)) };
      });
    });
  }

  // ----- exception requests ------------------------------------------------------------------

  /** Files an exception request (role contributor). */
  requestException(db: Database, actor: Actor, input: ExceptionInputShape, now: Date): Promise<ExceptionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'requestException', ids: [input.requirement, input.grantedFor], after: { until: input.until } }, async () => {
      const author = requireRole(actor, 'contributor', 'request an exception');
      c.limit(author);
      const organization = c.organizationOf(author, null);
      const problems: ChangeProblem[] = [];
      const today = day(now);
      if (input.justification.trim() === '' || input.justification.length > MAX_TEXT) problems.push({ field: 'justification', message: `is required (at most ${MAX_TEXT} characters): say why the requirement cannot be met now` });
      if (!isCalendarDate(input.until)) problems.push({ field: 'until', message: `must be a date as YYYY-MM-DD, got "${input.until}"` });
      else if (input.until <= today) problems.push({ field: 'until', message: `must be after today (${today}): an exception ends on a day to come` });
      else if (input.until > day(new Date(now.getTime() + 10 * 366 * 86_400_000))) problems.push({ field: 'until', message: 'must be within ten years: an exception is temporary' });
      const sources = (input.sources ?? []).map((s) => s.trim()).filter((s) => s !== '');
      if (sources.length > 20) problems.push({ field: 'sources', message: 'holds more than 20 entries' });
      const record = await db.write(async (tx) => {
        const names = await nodeLabels(tx, [input.requirement, input.grantedFor]);
        if (names.get(input.requirement)?.label !== 'Requirement') problems.push({ field: 'requirement', message: `"${input.requirement}" is no requirement of the graph (see the requirements query)` });
        const target = names.get(input.grantedFor);
        if (!target || !EXEMPTABLE.includes(target.label)) problems.push({ field: 'grantedFor', message: `"${input.grantedFor}" must be a ${EXEMPTABLE.join(', ')} of the graph${target ? `, it is a ${target.label}` : ''}` });
        failOn(problems, 'exception request');
        const props = await this.fileRequest(tx, actor, author, organization, 'exception', now, input.justification.trim(), {
          requirement: input.requirement,
          requirementName: String(names.get(input.requirement)?.name ?? input.requirement),
          grantedFor: input.grantedFor,
          grantedForName: String(target?.name ?? input.grantedFor),
          justification: input.justification.trim(),
          until: input.until,
          sources,
        }, { ids: [input.requirement, input.grantedFor], after: { until: input.until } });
        return readExceptionRequest(props);
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** Grants an exception request (role reviewer, not one's own): the Exception goes into the graph. */
  grantException(db: Database, actor: Actor, id: string, reason: string | null, now: Date): Promise<ExceptionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'grantException', ids: [id] }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'grant an exception');
      c.limit(reviewer);
      const record = await db.write(async (tx) => {
        const seq = await lockAccepts(tx);
        const r = await this.requestOf(tx, id, 'exception');
        this.reviewable(r, reviewer, 'grant', ['submitted']);
        const today = day(now);
        if (String(r.until) < today) throw new ConflictError(`${id} asked for an exception until ${String(r.until)}, which has passed; the author may file it again.`, { request: id });
        const operations = exceptionChangeSet({ requestId: id, requirement: String(r.requirement), requirementName: String(r.requirementName), grantedFor: String(r.grantedFor), grantedForName: String(r.grantedForName), justification: String(r.justification), until: String(r.until), since: today });
        const sourceText = `Exception granted on ${id} by ${reviewer.name}${reviewer.organizations[0] ? ` (${reviewer.organizations[0]})` : ''}, ${today}`;
        const filed = await c.fileInTx(tx, actor, requesterOf(r), { reason: `${id}: granted. ${String(r.justification)}`, citations: [], newSources: [], organization: null, authorOrganization: String(r.organization), kind: 'exception', operations, request: id, sourceText, auditOperation: 'grantException' });
        const applied = await c.applyInTx(tx, actor, filed.stored, reviewer, seq, { operations, view: filed.view });
        const at = now.toISOString();
        const props = { status: 'granted', exceptionId: exceptionIdOf(id), proposal: applied.id, updatedAt: at, events: appendEvent(r, event(at, 'granted', reviewer, reviewer.organizations[0] ?? null, reason?.trim() || null)) };
        await updateRequest(tx, id, props);
        await appendToAudit(tx, auditRecord(actor, { operation: 'grantException', ids: [id, applied.id, exceptionIdOf(id)], before: { status: r.status }, after: { status: 'granted', until: r.until } }, 'applied'));
        await this.notify(tx, 'exception', id, 'granted', String(r.status), String(r.organization), reviewer.name);
        return readExceptionRequest({ ...r, ...props });
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** Refuses an exception request with a reason (role reviewer, not one's own). */
  refuseException(db: Database, actor: Actor, id: string, reason: string, now: Date): Promise<ExceptionRequestRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'refuseException', ids: [id], after: { reason } }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'refuse an exception');
      c.limit(reviewer);
      if (reason.trim() === '') throw new InputError('A refusal needs a reason (reason): the author learns from it.', { field: 'reason' });
      const record = await db.write(async (tx) => {
        const r = await this.requestOf(tx, id, 'exception');
        this.reviewable(r, reviewer, 'refuse', ['submitted']);
        const at = now.toISOString();
        const props = { status: 'refused', updatedAt: at, events: appendEvent(r, event(at, 'refused', reviewer, reviewer.organizations[0] ?? null, reason.trim())) };
        await updateRequest(tx, id, props);
        await appendToAudit(tx, auditRecord(actor, { operation: 'refuseException', ids: [id], before: { status: r.status }, after: { status: 'refused', reason: reason.trim() } }, 'recorded'));
        await this.notify(tx, 'exception', id, 'refused', String(r.status), String(r.organization), reviewer.name);
        return readExceptionRequest({ ...r, ...props });
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  // ----- reports -------------------------------------------------------------------------------

  /** One adoption report of one's own organisation. */
  reportAdoption(db: Database, actor: Actor, input: AdoptionInputShape, now: Date): Promise<ReportResultRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'reportAdoption', ids: [input.organization, input.item], after: { status: input.status, date: input.date } }, async () => {
      const author = requireRole(actor, 'contributor', 'report adoption');
      c.limit(author);
      const org = c.organizationOf(author, input.organization);
      const problems: ChangeProblem[] = [];
      const status = modelLevel(input.status);
      if (!ADOPTION.includes(status)) problems.push({ field: 'status', message: `must be one of ${ADOPTION.join(', ')}, got "${input.status}"` });
      this.checkReportDate(input.date, day(now), 'date', problems);
      const keys = (input.services ?? []).map((k) => k.trim());
      if (keys.length > 1000) problems.push({ field: 'services', message: 'holds more than 1,000 LeiKa keys; send a CSV import' });
      keys.forEach((k, i) => {
        if (!LEIKA.test(k)) problems.push({ field: `services[${i}]`, message: `must be a 14-digit LeiKa key, got "${k}"` });
      });
      failOn(problems, 'adoption report');
      const record = await db.write(async (tx) => {
        const names = await nodeLabels(tx, [input.item]);
        if (!ITEM_LABELS.includes(names.get(input.item)?.label ?? '')) problems.push({ field: 'item', message: `"${input.item}" is no component or standard of the graph` });
        const services = await servicesByLeika(tx, keys, org);
        keys.forEach((k, i) => {
          if (!services.has(k)) problems.push({ field: `services[${i}]`, message: `no service of the graph has the LeiKa key ${k}` });
        });
        failOn(problems, 'adoption report');
        const adoption: AdoptionFact = { item: input.item, status, date: input.date, services: keys.map((k) => services.get(k)?.id as string) };
        return this.fileReport(tx, actor, author, org, [adoption], [], [{ ...adoption, services: keys, note: input.note ?? null }], now, `adoption of ${input.item}: ${status} since ${input.date}`);
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** One use report: a service of one's own organisation uses these items. */
  reportUse(db: Database, actor: Actor, input: UseInputShape, now: Date): Promise<ReportResultRecord> {
    const c = this.deps.curation;
    return c.attempt(db, actor, { operation: 'reportUse', ids: [input.organization, ...input.items.slice(0, 100)], after: { leikaKey: input.leikaKey } }, async () => {
      const author = requireRole(actor, 'contributor', 'report use');
      c.limit(author);
      const org = c.organizationOf(author, input.organization);
      const problems: ChangeProblem[] = [];
      if (!LEIKA.test(input.leikaKey)) problems.push({ field: 'leikaKey', message: `must be a 14-digit LeiKa key, got "${input.leikaKey}"` });
      if (input.items.length === 0 || input.items.length > 100) problems.push({ field: 'items', message: 'must name 1 to 100 components or standards' });
      failOn(problems, 'use report');
      const record = await db.write(async (tx) => {
        const names = await nodeLabels(tx, input.items);
        input.items.forEach((it, i) => {
          if (!ITEM_LABELS.includes(names.get(it)?.label ?? '')) problems.push({ field: `items[${i}]`, message: `"${it}" is no component or standard of the graph` });
        });
        const service = (await servicesByLeika(tx, [input.leikaKey], org)).get(input.leikaKey);
        if (!service) problems.push({ field: 'leikaKey', message: `no service of the graph has the LeiKa key ${input.leikaKey}` });
        failOn(problems, 'use report');
        const uses: UseFact[] = input.items.map((item) => ({ service: service?.id as string, item }));
        return this.fileReport(tx, actor, author, org, [], uses, [], now, `use by ${input.leikaKey} of ${input.items.join(', ')}`);
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /** Imports a CSV file of adoption or use reports, or checks it and shows the diff (dry run). */
  importReports(db: Database, actor: Actor, input: ImportInputShape, now: Date): Promise<ReportImportRecord> {
    const c = this.deps.curation;
    const dryRun = input.dryRun !== false;
    return c.attempt(db, actor, { operation: dryRun ? 'importReports (dry run)' : 'importReports', ids: [input.organization], after: { kind: input.kind, fileName: input.fileName ?? null } }, async () => {
      const author = requireRole(actor, 'contributor', `import ${input.kind} reports`);
      if (!dryRun) c.limit(author);
      const org = c.organizationOf(author, input.organization);
      if ((input.csv == null) === (input.base64 == null)) throw new InputError('Send the file as exactly one of csv (text) and base64 (its bytes).', { field: 'csv' });
      let bytes: Uint8Array | undefined;
      if (input.base64 != null) {
        if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(input.base64)) throw new InputError('base64 is not valid base64: send the file\'s bytes encoded as base64.', { field: 'base64' });
        bytes = Buffer.from(input.base64, 'base64');
      }
      const options = { today: day(now), maxRows: this.deps.importMaxRows, fileName: input.fileName ?? undefined };
      const source = bytes ? { bytes } : { text: input.csv ?? '' };
      const work = async (tx: Tx): Promise<ReportImportRecord> => {
        const problems: ImportProblem[] = [];
        const adoptions: AdoptionFact[] = [];
        const uses: UseFact[] = [];
        const history: (AdoptionFact & { note: string | null })[] = [];
        let rows = 0;
        if (input.kind === 'adoption') {
          const csv = readReportCsv('adoption', source, options);
          problems.push(...csv.problems);
          rows = csv.dataRows;
          const names = await nodeLabels(tx, csv.rows.map((r) => r.item));
          const services = await servicesByLeika(tx, csv.rows.flatMap((r) => r.services), org);
          for (const r of csv.rows) {
            let ok = true;
            if (!ITEM_LABELS.includes(names.get(r.item)?.label ?? '')) {
              problems.push({ line: r.line, column: r.columns.item ?? 0, field: 'item', message: `"${r.item}" is no component or standard of the graph (ids as in the components and standards queries)` });
              ok = false;
            }
            for (const k of r.services) {
              if (!services.has(k)) {
                problems.push({ line: r.line, column: r.columns.services ?? 0, field: 'services', message: `no service of the graph has the LeiKa key ${k}` });
                ok = false;
              }
            }
            if (!ok) continue;
            const fact: AdoptionFact = { item: r.item, status: r.status, date: r.date, services: r.services.map((k) => services.get(k)?.id as string) };
            adoptions.push(fact);
            history.push({ ...fact, services: [...r.services], note: r.note });
          }
        } else {
          const csv = readReportCsv('use', source, options);
          problems.push(...csv.problems);
          rows = csv.dataRows;
          const names = await nodeLabels(tx, csv.rows.map((r) => r.item));
          const services = await servicesByLeika(tx, csv.rows.map((r) => r.leikaKey), org);
          for (const r of csv.rows) {
            const service = services.get(r.leikaKey);
            const known = ITEM_LABELS.includes(names.get(r.item)?.label ?? '');
            if (!service) problems.push({ line: r.line, column: r.columns.leika ?? 0, field: 'leika', message: `no service of the graph has the LeiKa key ${r.leikaKey}` });
            if (!known) problems.push({ line: r.line, column: r.columns.item ?? 0, field: 'item', message: `"${r.item}" is no component or standard of the graph (ids as in the components and standards queries)` });
            if (service && known) uses.push({ service: service.id, item: r.item });
          }
        }
        problems.sort((a, b) => a.line - b.line || a.column - b.column);
        const shown = problems.slice(0, 1000);
        if (dryRun || problems.length > 0) {
          if (!dryRun) {
            throw new InputError(`${input.fileName ?? 'The file'} has ${problems.length} problem(s); nothing was written: ${shown.slice(0, 3).map((p) => `line ${p.line}, column ${p.column} (${p.field}): ${p.message}`).join('; ')}`, { problems: shown });
          }
          const candidates = reportCandidates(org, adoptions, uses);
          const view = await loadView(tx, candidates);
          const operations = reportChangeSet(candidates, view);
          const diff = applyChangeSet(operations, view, { proposal: '(dry run)', organization: org, reviewer: this.deps.reportsNeedReview ? '(review)' : author.name, evidence: 'reported', citations: [], sourceText: reportSource(author, org, now) }).diff;
          return { dryRun, rows, problems: shown, diff: diff.slice(0, 1000), changes: diff.length, outcome: null, proposal: null };
        }
        const result = await this.fileReport(tx, actor, author, org, adoptions, uses, history, now, `${input.kind} reports from ${input.fileName ?? 'a CSV file'} (${rows} rows)`);
        const diff = result.proposal.applied ?? [];
        return { dryRun, rows, problems: [], diff: diff.slice(0, 1000), changes: result.proposal.operations.length, outcome: result.outcome, proposal: result.proposal };
      };
      const record = dryRun ? await db.read(work) : await db.write(work);
      if (!dryRun) this.deps.notifier?.kick();
      return record;
    });
  }

  // ----- helpers -----------------------------------------------------------------------------

  /** Files a report as a proposal (kind report), keeps the dated adoption reports, and applies it unless reports need review. */
  private async fileReport(tx: Tx, actor: Actor, author: Principal, org: string, adoptions: readonly AdoptionFact[], uses: readonly UseFact[], history: readonly (AdoptionFact & { note: string | null })[], now: Date, what: string): Promise<ReportResultRecord> {
    const c = this.deps.curation;
    const seq = this.deps.reportsNeedReview ? 0 : await lockAccepts(tx);
    const candidates = reportCandidates(org, adoptions, uses);
    const view = await loadView(tx, candidates);
    const operations = reportChangeSet(candidates, view);
    const sourceText = reportSource(author, org, now);
    const filed = await c.fileInTx(tx, actor, author, { reason: `Report of ${org}: ${what}`, citations: [], newSources: [], organization: org, authorOrganization: org, kind: 'report', operations, sourceText, auditOperation: 'report', view });
    const at = now.toISOString();
    await createAdoptionReports(
      tx,
      history.map((h, i) => ({ id: `${filed.record.id}:${i + 1}`, organization: org, item: h.item, status: h.status, date: h.date, services: [...h.services], note: h.note, reportedAt: at, author: author.subject, authorName: author.name, proposal: filed.record.id })),
    );
    if (this.deps.reportsNeedReview) return { outcome: 'submitted', proposal: filed.record };
    const applied = await c.applyInTx(tx, actor, filed.stored, author, seq, { operations, view: filed.view });
    return { outcome: 'applied', proposal: applied };
  }

  /** Checks an inclusion request's input against the graph and the model; BAD_USER_INPUT naming every problem. */
  private async checkInclusion(tx: Tx, input: InclusionInputShape, organization: string): Promise<{ itemId: string; itemName: string; newItem: NewItem | null; stack: string; selfAssessment: CriterionResultRecord[] }> {
    const problems: ChangeProblem[] = [];
    const stack = input.stack ?? 'stack:germany';
    if (input.summary.trim() === '' || input.summary.length > MAX_TEXT) problems.push({ field: 'summary', message: `is required (at most ${MAX_TEXT} characters): say why the item belongs in the stack` });
    if ((input.item == null) === (input.newItem == null)) problems.push({ field: 'item', message: 'name exactly one of item (an existing component or standard) and newItem (a new one with its profile)' });
    const selfAssessment = this.readCriteria(input.selfAssessment, 'selfAssessment', problems, false);
    const n = input.newItem;
    const ids = [stack, input.item ?? '', n?.id ?? '', n?.layer ?? '', n?.stewardId ?? ''].filter((x) => x !== '');
    const names = await nodeLabels(tx, ids);
    if (names.get(stack)?.label !== 'Stack') problems.push({ field: 'stack', message: `"${stack}" is no stack of the graph (e.g. stack:germany)` });
    let itemName = '';
    let newItem: NewItem | null = null;
    if (input.item != null) {
      const it = names.get(input.item);
      if (!it || !ITEM_LABELS.includes(it.label)) problems.push({ field: 'item', message: `"${input.item}" is no component or standard of the graph; for a new one give newItem` });
      itemName = String(it?.name ?? input.item);
    } else if (n) {
      if (!NEW_ID.test(n.id)) problems.push({ field: 'newItem.id', message: `must be lower case letters, digits and '-' (at most 80), got "${n.id}"` });
      else if (names.has(n.id)) problems.push({ field: 'newItem.id', message: `"${n.id}" is in the graph already; request it as item` });
      if (!ITEM_LABELS.includes(n.label)) problems.push({ field: 'newItem.label', message: `must be Component or Standard, got "${n.label}"` });
      if (n.name.trim() === '') problems.push({ field: 'newItem.name', message: 'is required' });
      if (n.layer && names.get(n.layer)?.label !== 'Layer') problems.push({ field: 'newItem.layer', message: `"${n.layer}" is no layer of the graph` });
      if (n.stewardId && names.get(n.stewardId)?.label !== 'Organization') problems.push({ field: 'newItem.stewardId', message: `"${n.stewardId}" is no organisation of the graph` });
      newItem = { id: n.id, label: n.label as NewItem['label'], name: n.name.trim(), kind: n.kind, description: n.description?.trim() || null, license: n.license?.trim() || null, steward: n.steward?.trim() || null, stewardId: n.stewardId || null, layer: n.layer || null, operatingModels: [...(n.operatingModels ?? [])], url: n.url?.trim() || null };
      itemName = newItem.name;
      if (problems.length === 0) {
        // The new item's node and links as the decision would write them, through the model's one validator.
        const itemOps = inclusionChangeSet({ requestId: 'check', outcome: 'included', reason: 'check', reference: null, criteria: [], date: '2000-01-01', itemId: n.id, itemName, newItem, stack, stackName: stack, body: organization, bodyName: organization, alreadyIncluded: false }).filter((o) => ('id' in o ? o.id === n.id : o.type === 'IN_LAYER' || o.type === 'STEWARDS'));
        for (const p of checkChangeSet(this.deps.model, itemOps, await loadView(tx, itemOps))) problems.push({ field: `newItem (${p.field})`, message: p.message });
      }
    }
    failOn(problems, 'inclusion request');
    return { itemId: input.item ?? n?.id ?? '', itemName, newItem, stack, selfAssessment };
  }

  /** Reads the six D-Stack criteria, each once, with a level and a reason (a decision: met, partly or not-met only). */
  private readCriteria(given: readonly CriterionInputShape[], field: string, problems: ChangeProblem[], decision: boolean): CriterionResultRecord[] {
    const out: CriterionResultRecord[] = [];
    const seen = new Set<string>();
    given.forEach((g, i) => {
      const at = `${field}[${i}]`;
      if (!DSTACK_CRITERIA.includes(g.criterion)) problems.push({ field: `${at}.criterion`, message: `must be one of the six D-Stack criteria (${DSTACK_CRITERIA.join(', ')}), got "${g.criterion}"` });
      else if (seen.has(g.criterion)) problems.push({ field: `${at}.criterion`, message: `"${g.criterion}" is named twice` });
      seen.add(g.criterion);
      const level = modelLevel(g.level);
      if (decision && level === 'unknown') problems.push({ field: `${at}.level`, message: 'must be met, partly or not_met: a decision states a level' });
      const reason = (g.reason ?? g.reasoning ?? '').trim();
      if (reason === '' || reason.length > MAX_TEXT) problems.push({ field: `${at}.${decision ? 'reason' : 'reasoning'}`, message: `is required (at most ${MAX_TEXT} characters): say why` });
      const sources = (g.sources ?? []).map((s) => s.trim()).filter((s) => s !== '');
      if (sources.length > 20) problems.push({ field: `${at}.sources`, message: 'holds more than 20 entries' });
      out.push({ criterion: g.criterion, level, reason, sources });
    });
    const missing = DSTACK_CRITERIA.filter((c) => !seen.has(c));
    if (missing.length > 0) problems.push({ field, message: `must cover all six D-Stack criteria; missing ${missing.join(', ')}` });
    return out;
  }

  private checkReportDate(date: string, today: string, field: string, problems: ChangeProblem[]): void {
    if (!isCalendarDate(date)) problems.push({ field, message: `must be a date as YYYY-MM-DD, got "${date}"` });
    else if (date > today) problems.push({ field, message: `is after today (${today}): a report states what holds; report a future step as status planned` });
  }

  /**
   * Files a new request of `kind` in `tx` (number, id, the first timeline event, the audit entry and
   * the notification); `fields` are the kind's own properties. Returns what was stored.
   */
  private async fileRequest(tx: Tx, actor: Actor, author: Principal, organization: string, kind: 'inclusion' | 'exception', now: Date, text: string, fields: Record<string, PropValue | null>, audit: { ids: readonly string[]; after: unknown }): Promise<Record<string, PropValue | null>> {
    const number = await nextRequestNumber(tx, `${kind}-requests`);
    const id = `${kind}-request-${number}`;
    const at = now.toISOString();
    const props: Record<string, PropValue | null> = { id, kind, number, status: 'submitted', ...fields, author: author.subject, authorName: author.name, organization, createdAt: at, updatedAt: at, events: JSON.stringify([event(at, 'submitted', author, organization, text)]) };
    await createRequest(tx, props);
    await appendToAudit(tx, auditRecord(actor, { operation: kind === 'inclusion' ? 'requestInclusion' : 'requestException', ids: [id, ...audit.ids], after: audit.after }, 'recorded'));
    await this.notify(tx, kind, id, 'submitted', null, organization, author.name);
    return props;
  }

  /** The request `id` of `kind`, or NOT_FOUND. */
  private async requestOf(tx: Tx, id: string, kind: 'inclusion' | 'exception'): Promise<StoredRequest> {
    const r = await requestById(tx, id);
    if (!r || r.kind !== kind) throw new NotFoundError(`There is no ${kind} request "${id}".`, { request: id });
    return r;
  }

  /** A reviewer may act on an open request filed by someone else (four eyes). */
  private reviewable(r: StoredRequest, reviewer: Principal, action: string, open: readonly string[] = OPEN): void {
    if (r.author === reviewer.subject) throw new ForbiddenError(`You filed ${String(r.id)}, so you cannot ${action} it: another reviewer does (four eyes).`, { request: r.id });
    if (!open.includes(String(r.status))) throw new ConflictError(`${String(r.id)} is ${String(r.status)} already; only an open request can be decided.`, { request: r.id, status: r.status });
  }

  /** Changes a request in one transaction: `change` returns the properties to set. */
  private async changeRequest(db: Database, id: string, kind: 'inclusion', change: (tx: Tx, r: StoredRequest) => Promise<Record<string, PropValue | null>>): Promise<InclusionRequestRecord> {
    const record = await db.write(async (tx) => {
      const r = await this.requestOf(tx, id, kind);
      const props = await change(tx, r);
      await updateRequest(tx, id, props);
      return readInclusionRequest({ ...r, ...props });
    });
    this.deps.notifier?.kick();
    return record;
  }

  private async notify(tx: Tx, kind: 'inclusion' | 'exception', id: string, status: string, previous: string | null, organization: string, actor: string): Promise<void> {
    await this.deps.notifier?.enqueue(tx, { event: `${kind}.${status}`, subject: id, kind, status, previous, organization, actor });
  }
}

/** Only the author acts on their request (revise, withdraw), and only while it is open. */
function ownOpenRequest(r: StoredRequest, author: Principal, action: 'revise' | 'withdraw'): void {
  if (r.author !== author.subject) throw new ForbiddenError(`Only its author may ${action} ${String(r.id)}.`, { request: r.id });
  if (!OPEN.includes(String(r.status))) throw new ConflictError(`${String(r.id)} is ${String(r.status)}; only an open request can be ${action === 'revise' ? 'revised' : 'withdrawn'}.`, { request: r.id, status: r.status });
}

/** The `source` text of a reported fact: who reported it, for which organisation, when. */
function reportSource(author: Principal, org: string, now: Date): string {
  return `Reported by ${author.name} for ${org}, ${day(now)}`;
}

function event(at: string, kind: string, who: Principal, organization: string | null, text: string | null): TimelineEventRecord {
  return { at, kind, actor: who.name, organization, text };
}

function appendEvent(r: StoredRequest, e: TimelineEventRecord): string {
  const events = typeof r.events === 'string' ? (JSON.parse(r.events) as TimelineEventRecord[]) : [];
  return JSON.stringify([...events, e].slice(-500));
}
