import type { Principal } from '../auth/Principal';
import { ConflictError, ForbiddenError, InputError, NotFoundError, RateLimitedError } from '../errors';
import type { DeniedDomain, Model } from '../model';
import { evidenceBySources, formatCitation, readCitation, type SourceKind } from '../model';
import type { Database, Tx } from '../neo4j/db';
import type { PropValue } from '../seed/graph';
import { mergeNodes, mergeRelationships, pruneNodes, pruneRelationships, recordLoad } from '../seed/repository';
import { changeLog } from '../seed/writeGraph';
import { checkSourceEntry, normalizeUrl } from '../seed/sources/registry';
import { bumpGraphVersion } from '../system/graphVersion';
import { requireRole, type Actor } from './Actor';
import { applyChangeSet, type Stamp } from './applyChangeSet';
import { auditRecord, auditRefusal, appendToAudit, type AuditFacts } from './audit';
import { idsOf, sameBase, stableJson, type Base, type GraphView, type Operation } from './changeSet';
import { checkChangeSet, describe, type ChangeProblem } from './checkChangeSet';
import { LayeredView } from './LayeredView';
import { readOperations, readProposalCitations, type ChangeInputShape } from './proposalInput';
import { readProposal, type ProposalRecord } from './proposalRecord';
import { servicesOfferedBy, createProposal, createSources, linksForChange, lockAccepts, nextProposalNumber, nodesForChange, proposalById, sourcesForCitations, updateProposal } from './repository';
import type { WriteLimiter } from './WriteLimiter';
import type { Notifier } from './Notifier';
import { evidenceOf } from './evidenceOf';
import type { Citation } from '../model';
import { MAX_CITATIONS } from './bounds';

/** A proposal as the API takes it. */
export interface ProposalInputShape {
  readonly reason: string;
  readonly citations?: readonly string[] | null;
  readonly newSources?: readonly Readonly<Record<string, unknown>>[] | null;
  readonly organization?: string | null;
  readonly operations: readonly ChangeInputShape[];
}

/** What the write side needs: the model, the deny-list, the limits, and the per-user write rate. */
export interface CurationDeps {
  readonly model: Model;
  readonly denied: readonly DeniedDomain[];
  readonly maxOperations: number;
  readonly limiter: WriteLimiter;
  /** Queues a notification of a state change in the transaction that makes it, and sends after commit. */
  readonly notifier?: Notifier;
}

/**
 * What kind of request a proposal carries: a change, an organisation's report about itself, or the
 * graph side of an inclusion decision or a granted exception (src/participation/).
 */
export type ProposalKind = 'change' | 'report' | 'inclusion' | 'exception';

/** A checked change set to file (see Curation.fileInTx). */
export interface FileSpec {
  readonly reason: string;
  readonly citations: readonly Citation[];
  readonly newSources: readonly Readonly<Record<string, unknown>>[];
  /** For a report: the organisation the facts are about (checked by the report rule); else null. */
  readonly organization: string | null;
  /** The organisation the author files for. */
  readonly authorOrganization: string;
  readonly kind: ProposalKind;
  readonly operations: readonly Operation[];
  /** The `source` text of the facts when there is no citation (a report: who reported it, when). */
  readonly sourceText?: string;
  /** The participation request (inclusion-request-N, exception-request-N) it carries. */
  readonly request?: string;
  /** The audit's operation name (default propose). */
  readonly auditOperation?: string;
  /** The graph as this transaction read it for these operations (loadView), when the caller has it already. */
  readonly view?: GraphView;
}



/**
 * The write side: proposals (file, accept, reject, withdraw) and registry entries, each allowed by
 * role, checked by the model's one validator, applied in one transaction, and audited whether it is
 * applied or refused.
 */
export class Curation {
  constructor(private readonly deps: CurationDeps) {}

  /** Files a change set with its reason and citations (role contributor; a report only for one's own organisation). */
  propose(db: Database, actor: Actor, input: ProposalInputShape): Promise<ProposalRecord> {
    const facts: AuditFacts = { operation: 'propose', ids: touchedIds(input.operations), after: { reason: input.reason, organization: input.organization ?? null, operations: input.operations.length } };
    return this.attempt(db, actor, facts, async () => {
      const author = requireRole(actor, 'contributor', 'propose a change');
      this.limit(author);
      const { operations, problems } = readOperations(input.operations);
      if (input.operations.length === 0) problems.push({ field: 'operations', message: 'is empty: a proposal changes at least one node or link' });
      if (input.operations.length > this.deps.maxOperations) throw new InputError(`A proposal holds at most ${this.deps.maxOperations} operations (PROPOSAL_MAX_OPERATIONS), got ${input.operations.length}; split it.`, { limit: this.deps.maxOperations, found: input.operations.length });
      if (input.reason.trim() === '') problems.push({ field: 'reason', message: 'is required: say why the graph should change' });
      const organization = this.organizationOf(author, input.organization ?? null);
      const { citations, problem } = readProposalCitations(input.citations ?? []);
      if (problem) problems.push({ field: 'citations', message: problem });
      if (citations.length + (input.newSources?.length ?? 0) === 0) problems.push({ field: 'citations', message: 'is empty: cite at least one registry source, or add one in newSources' });
      if (citations.length + (input.newSources?.length ?? 0) > MAX_CITATIONS) problems.push({ field: 'citations', message: `holds more than ${MAX_CITATIONS} sources (with newSources); cite the ones the change rests on` });
      failOn(problems);
      const { record } = await db.write((tx) => this.fileInTx(tx, actor, author, { reason: input.reason, citations, newSources: input.newSources ?? [], organization: input.organization ? organization : null, authorOrganization: organization, kind: input.organization ? 'report' : 'change', operations }));
      this.deps.notifier?.kick();
      return record;
    });
  }

  /**
   * Files a checked change set in `tx` (the caller checked role, rate and input): the report rule,
   * the model's validator, the citations; the proposal node, its audit entry and its notification.
   * Refused with BAD_USER_INPUT (every problem) or FORBIDDEN, and nothing is written. Returns the
   * proposal and the graph it was checked against (for applyInTx in the same transaction).
   */
  async fileInTx(tx: Tx, actor: Actor, author: Principal, spec: FileSpec): Promise<{ record: ProposalRecord; stored: Record<string, PropValue | null>; view: GraphView }> {
    const { operations, citations, organization } = { operations: spec.operations, citations: spec.citations, organization: spec.authorOrganization };
    if (spec.organization) await this.checkReport(tx, spec.organization, operations);
    const view = spec.view ?? (await loadView(tx, operations));
    const found = checkChangeSet(this.deps.model, operations, view);
    const sources = await this.checkSources(tx, citations.map((c) => c.id), spec.newSources);
    failOn([...found, ...sources.problems]);
    const bases = basesOf(operations, view);
    const number = await nextProposalNumber(tx);
    const id = `proposal-${number}`;
    const allCitations = [...citations.map(formatCitation), ...sources.entries.map((e) => String(e.id)).filter((c) => !citations.some((x) => x.id === c))];
    const touches = [...new Set(operations.flatMap(idsOf))];
    const props: Record<string, PropValue | null> = {
      id,
      number,
      status: 'submitted',
      kind: spec.kind,
      organization,
      author: author.subject,
      authorName: author.name,
      reason: spec.reason.trim(),
      citations: allCitations,
      sourceText: spec.sourceText ?? sources.text(allCitations),
      newSources: JSON.stringify(sources.entries),
      operations: JSON.stringify(operations),
      bases: JSON.stringify(bases),
      touches: touches.slice(0, 10_000),
      operationCount: operations.length,
      createdAt: new Date().toISOString(),
      request: spec.request ?? null,
    };
    await createProposal(tx, props);
    await appendToAudit(tx, auditRecord(actor, { operation: spec.auditOperation ?? 'propose', ids: [id, ...touches.slice(0, 199)], after: { proposal: id, kind: spec.kind, operations: operations.length <= 200 ? operations : `${operations.length} operations` } }, 'recorded'));
    if (spec.kind === 'change' || spec.kind === 'report') await this.deps.notifier?.enqueue(tx, { event: 'proposal.submitted', subject: id, kind: spec.kind, status: 'submitted', previous: null, organization, actor: author.name });
    return { record: readProposal(props), stored: props, view };
  }

  /**
   * Accepts a submitted proposal (role reviewer, never one's own) and applies it in one transaction:
   * refused CONFLICT when anything it changes is no longer as it was when it was filed.
   */
  accept(db: Database, actor: Actor, id: string): Promise<ProposalRecord> {
    return this.attempt(db, actor, { operation: 'acceptProposal', ids: [id] }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'accept a proposal');
      this.limit(reviewer);
      const record = await db.write(async (tx) => {
        const seq = await lockAccepts(tx);
        const p = await this.submitted(tx, id, reviewer, 'accept');
        return this.applyInTx(tx, actor, p, reviewer, seq);
      });
      this.deps.notifier?.kick();
      return record;
    });
  }

  /**
   * Applies a filed proposal `p` in `tx` as `reviewer` decided (the caller took the accept lock,
   * `seq`, and checked who may): CONFLICT when anything it changes moved since it was filed; then the
   * graph writes, the change log, the graph version, the proposal's state, the audit and the
   * notification, all in `tx`. `filedNow`: the graph fileInTx checked it against in this same
   * transaction (nothing can have moved since, so it is not read and checked again).
   */
  async applyInTx(tx: Tx, actor: Actor, p: Record<string, PropValue | null>, reviewer: Principal, seq: number, filedNow?: { operations: readonly Operation[]; view: GraphView }): Promise<ProposalRecord> {
    const id = String(p.id);
    const operations = filedNow?.operations ?? (JSON.parse(String(p.operations)) as Operation[]);
    const view = filedNow?.view ?? (await loadView(tx, operations));
    if (!filedNow) {
      const bases = JSON.parse(String(p.bases)) as Base[];
      const stale = staleOperation(operations, bases, view);
      if (stale) throw new ConflictError(`${id} was made against an older state: ${stale}. It was not applied; the author may file it again against today's graph.`, { proposal: id });
      const problems = checkChangeSet(this.deps.model, operations, view);
      if (problems.length > 0) throw new ConflictError(`${id} no longer fits the graph: ${problems.slice(0, 3).map((x) => `${x.field} ${x.message}`).join('; ')}`, { proposal: id });
    }
    const newSources = JSON.parse(String(p.newSources ?? '[]')) as Record<string, PropValue | null>[];
    await createSources(tx, newSources);
    const citations = (p.citations as string[]) ?? [];
    // `sourced` needs a primary source (as in the seed files): a change citing only press or secondary sources is `secondary`.
    const stated = evidenceOf(p);
    const kinds = stated === 'sourced' ? (await sourcesForCitations(tx, citations.map((c) => readCitation(c)?.id ?? c), [])).map((s) => s.kind as SourceKind) : [];
    const evidence = stated === 'sourced' ? (evidenceBySources(stated, kinds) as Stamp['evidence']) : stated;
    const stamp: Stamp = { proposal: id, organization: String(p.organization), reviewer: reviewer.name, evidence, citations, sourceText: String(p.sourceText ?? ''), checked: new Date().toISOString().slice(0, 10) };
    const writes = applyChangeSet(operations, view, stamp);
    await pruneRelationships(tx, writes.removedLinks);
    await pruneNodes(tx, writes.removedNodes);
    const merged = [...(writes.nodes.length > 0 ? await mergeNodes(tx, writes.nodes) : []), ...(writes.links.length > 0 ? await mergeRelationships(tx, writes.links) : [])];
    const version = await bumpGraphVersion(tx, 'curation');
    const decidedAt = new Date().toISOString();
    const decision = { status: 'accepted', seq, reviewer: reviewer.subject, reviewerName: reviewer.name, decidedAt, appliedBases: JSON.stringify(writes.bases), appliedEvidence: stamp.evidence, appliedOn: stamp.checked ?? null, diff: JSON.stringify(writes.diff), graphVersion: version };
    await updateProposal(tx, id, decision);
    const log = changeLog(merged, writes.diff.filter((d) => d.op === 'removeNode').map((d) => ({ id: d.key, label: d.kind })), writes.removedLinks);
    await recordLoad(tx, { id: `curation:${id}`, at: decidedAt, datasets: [`${id}: proposed by ${String(p.authorName)} (${String(p.organization)}), accepted by ${reviewer.name}`], inputHash: id, initial: false, itemised: true, graphVersion: version }, log);
    await appendToAudit(tx, auditRecord(actor, { operation: 'acceptProposal', ids: [id, ...((p.touches as string[]) ?? []).slice(0, 199)], before: writes.diff.map((d) => ({ key: d.key, before: d.before })), after: writes.diff.map((d) => ({ key: d.key, after: d.after })) }, 'applied'));
    if (p.kind === 'change' || p.kind === 'report') await this.deps.notifier?.enqueue(tx, { event: 'proposal.accepted', subject: id, kind: String(p.kind), status: 'accepted', previous: 'submitted', organization: String(p.organization), actor: reviewer.name });
    return readProposal({ ...p, ...decision });
  }

  /** Rejects a submitted proposal with a reason (role reviewer, never one's own). */
  reject(db: Database, actor: Actor, id: string, reason: string): Promise<ProposalRecord> {
    return this.attempt(db, actor, { operation: 'rejectProposal', ids: [id], after: { reason } }, async () => {
      const reviewer = requireRole(actor, 'reviewer', 'reject a proposal');
      this.limit(reviewer);
      if (reason.trim() === '') throw new InputError('A rejection needs a reason (reason): the author learns from it.', { field: 'reason' });
      return this.decide(db, actor, id, reviewer, 'reject', { status: 'rejected', reviewer: reviewer.subject, reviewerName: reviewer.name, decisionReason: reason.trim(), decidedAt: new Date().toISOString() });
    });
  }

  /** Withdraws one's own submitted proposal. */
  withdraw(db: Database, actor: Actor, id: string): Promise<ProposalRecord> {
    return this.attempt(db, actor, { operation: 'withdrawProposal', ids: [id] }, async () => {
      const author = requireRole(actor, 'contributor', 'withdraw a proposal');
      this.limit(author);
      return this.decide(db, actor, id, author, 'withdraw', { status: 'withdrawn', decidedAt: new Date().toISOString() });
    });
  }

  /** Adds an entry to the source registry (role admin); the deny-list applies. */
  registerSource(db: Database, actor: Actor, input: Readonly<Record<string, unknown>>): Promise<Record<string, PropValue | null>> {
    return this.attempt(db, actor, { operation: 'registerSource', ids: [String(input.id ?? '')], after: input }, async () => {
      const admin = requireRole(actor, 'admin', 'manage the source registry');
      this.limit(admin);
      return db.write(async (tx) => {
        const sources = await this.checkSources(tx, [], [input], 'source');
        failOn(sources.problems);
        const entry = sources.entries[0] as Record<string, PropValue | null>;
        await createSources(tx, [entry]);
        await bumpGraphVersion(tx, 'curation');
        await appendToAudit(tx, auditRecord(actor, { operation: 'registerSource', ids: [String(entry.id)], after: entry }, 'applied'));
        return entry;
      });
    });
  }

  /** Runs a write attempt; a refusal (any error) is audited in a transaction of its own and rethrown. */
  async attempt<T>(db: Database, actor: Actor, facts: AuditFacts, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      await auditRefusal(db, actor, facts, e);
      throw e;
    }
  }

  /** Takes one write from the user's bucket: RATE_LIMITED (with the wait) when it is empty. */
  limit(p: Principal): void {
    const wait = this.deps.limiter.take(p.subject);
    if (wait > 0) throw new RateLimitedError(`You made more writes in the last minute than this server allows one user (WRITE_RATE_PER_MINUTE); try again in ${wait} s.`, wait);
  }

  /** The organisation a proposal is filed for: the report's (one the author speaks for), else the author's first. */
  organizationOf(author: Principal, reported: string | null): string {
    if (reported === null) {
      const own = author.organizations[0];
      if (own === undefined) throw new ForbiddenError('Your token names no organisation you speak for (the organisation claim); ask your identity provider\'s administrators to add it.', { reason: 'no_organization' });
      return own;
    }
    if (!author.organizations.includes(reported)) throw new ForbiddenError(`You report for "${reported}", but your token lets you speak for ${author.organizations.length > 0 ? author.organizations.join(', ') : 'no organisation'}; report for your own organisation only.`, { organization: reported });
    return reported;
  }

  /**
   * A report states facts about the reporting organisation only: each operation names it (its node,
   * or a link at it), or is a link from a service it offers (what the service uses).
   */
  private async checkReport(tx: Tx, org: string, operations: readonly Operation[]): Promise<void> {
    const offered = await servicesOfferedBy(tx, org, [...new Set(operations.flatMap((op) => ('from' in op ? [op.from] : [])))]);
    // Services the same report says the organisation offers count too (OFFERS is a fact about it).
    for (const op of operations) if (op.op === 'addLink' && op.type === 'OFFERS' && op.from === org) offered.add(op.to);
    const foreign = operations.find((op) => !idsOf(op).includes(org) && !('from' in op && offered.has(op.from)));
    if (foreign) throw new ForbiddenError(`A report states facts about the reporting organisation "${org}" only (its node, its links, and what the services it offers use); ${describe(foreign)} is not about it. File other changes as a proposal without organization.`, { organization: org });
  }

  /** The submitted proposal `id`, decided by someone other than its author (or, to withdraw, by its author). */
  private async submitted(tx: Tx, id: string, who: Principal, action: 'accept' | 'reject' | 'withdraw'): Promise<Record<string, PropValue | null>> {
    const p = await proposalById(tx, id);
    if (!p) throw new NotFoundError(`There is no proposal "${id}".`, { proposal: id });
    if (action === 'withdraw' && p.author !== who.subject) throw new ForbiddenError(`Only its author withdraws ${id}.`, { proposal: id });
    if (action !== 'withdraw' && p.author === who.subject) throw new ForbiddenError(`You filed ${id}, so you cannot ${action} it: another reviewer decides (four eyes).`, { proposal: id });
    if (p.status !== 'submitted') throw new ConflictError(`${id} is ${String(p.status)} already; only a submitted proposal can be decided.`, { proposal: id, status: p.status });
    return { ...p };
  }

  private async decide(db: Database, actor: Actor, id: string, who: Principal, action: 'reject' | 'withdraw', decision: Record<string, PropValue>): Promise<ProposalRecord> {
    return db.write(async (tx) => {
      const p = await this.submitted(tx, id, who, action);
      await updateProposal(tx, id, decision);
      await appendToAudit(tx, auditRecord(actor, { operation: `${action}Proposal`, ids: [id], before: { status: p.status }, after: decision }, 'recorded'));
      await this.deps.notifier?.enqueue(tx, { event: `proposal.${String(decision.status)}`, subject: id, kind: String(p.kind), status: String(decision.status), previous: String(p.status), organization: String(p.organization), actor: who.name });
      return readProposal({ ...p, ...decision });
    }).finally(() => this.deps.notifier?.kick());
  }

  /** Checks citations against the registry and new entries by the registry's own rules; returns the entries and a source text. */
  private async checkSources(tx: Tx, cited: readonly string[], fresh: readonly Readonly<Record<string, unknown>>[], field = 'newSources'): Promise<{ problems: ChangeProblem[]; entries: Record<string, PropValue | null>[]; text: (c: readonly string[]) => string }> {
    const problems: ChangeProblem[] = [];
    const entries: Record<string, PropValue | null>[] = [];
    const freshIds = fresh.map((s) => String(s.id ?? ''));
    const urls = fresh.map((s) => (typeof s.url === 'string' ? s.url : '')).filter((u) => u !== '');
    const known = await sourcesForCitations(tx, [...cited, ...freshIds], urls);
    const byId = new Map(known.map((k) => [k.id, k]));
    for (const [i, c] of cited.entries()) if (!byId.has(c) && !freshIds.includes(c)) problems.push({ field: `citations[${i}]`, message: `"${c}" is no source of the registry; cite a registry id (see the sources query) or add the source in newSources` });
    fresh.forEach((raw, i) => {
      const at = fresh.length === 1 && field === 'source' ? 'source' : `${field}[${i}]`;
      const checked = checkSourceEntry(raw, this.deps.denied);
      for (const p of checked.problems) problems.push({ field: `${at}.${p.field}`, message: p.message });
      const e = checked.entry;
      if (!e) return;
      if (byId.has(e.id)) problems.push({ field: `${at}.id`, message: `"${e.id}" is already a source of the registry; cite it in citations` });
      const sameUrl = e.url === null ? undefined : known.find((k) => k.url !== null && normalizeUrl(k.url) === normalizeUrl(e.url as string));
      if (sameUrl) problems.push({ field: `${at}.url`, message: `"${String(e.url)}" is already the address of source "${sameUrl.id}"; cite that id` });
      entries.push({ ...e, titleFromAddress: e.titleFromAddress, curated: true });
    });
    const urlOf = new Map<string, string>([...known.map((k) => [k.id, k.url ?? k.id] as [string, string]), ...entries.map((e) => [String(e.id), String(e.url ?? e.id)] as [string, string])]);
    const text = (citations: readonly string[]): string =>
      citations
        .map((c) => {
          const m = /^([^ (]+)(?:\s*\((.*)\))?$/.exec(c);
          const idOf = m?.[1] ?? c;
          return `${urlOf.get(idOf) ?? idOf}${m?.[2] ? ` (${m[2]})` : ''}`;
        })
        .join(' ; ');
    return { problems, entries, text };
  }
}

/** Every node id a change input names (its node, or both ends of its link), once each. */
function touchedIds(ops: readonly ChangeInputShape[]): string[] {
  return [...new Set(ops.flatMap((o) => [o.id, o.from, o.to].filter((x): x is string => typeof x === 'string' && x !== '')))];
}

/** BAD_USER_INPUT naming every problem of `what` (the first three in the message, all in `problems`). */
export function failOn(problems: readonly ChangeProblem[], what = 'proposal'): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 3).map((p) => `${p.field} ${p.message}`).join('; ');
  throw new InputError(`The ${what} has ${problems.length} problem(s); nothing was filed: ${shown}${problems.length > 3 ? '; ...' : ''}`, { problems: problems.map((p) => ({ field: p.field, message: p.message })) });
}

/** The graph as a change set sees it: the nodes it names and the links it names, read in `tx`. */
export async function loadView(tx: Tx, operations: readonly Operation[]): Promise<GraphView> {
  const ids = [...new Set(operations.flatMap(idsOf))];
  const links = operations.filter((o): o is Extract<Operation, { type: string }> => 'type' in o).map((o) => ({ type: o.type, from: o.from, to: o.to }));
  const nodes = await nodesForChange(tx, ids);
  const found = await linksForChange(tx, links);
  return { node: (id) => nodes.get(id) ?? null, link: (type, from, to) => found.get(`${type}|${from}|${to}`) ?? null };
}

/** The base of every operation, each against the graph as the earlier ones leave it. */
function basesOf(operations: readonly Operation[], view: GraphView): Base[] {
  return applyChangeSet(operations, view, { proposal: '', organization: '', reviewer: '', evidence: 'sourced', citations: [], sourceText: '' }).bases;
}

/** The first operation whose target is no longer as it was when the proposal was filed, in words; or null. */
export function staleOperation(operations: readonly Operation[], bases: readonly Base[], view: GraphView): string | null {
  const layered = new LayeredView(view);
  const now = basesOf(operations, layered);
  for (const [i, op] of operations.entries()) {
    const then = bases[i];
    const current = now[i] as Base;
    if (!then || !sameBase(then, current)) {
      const keys = Object.keys({ ...(then?.values ?? {}), ...(current.values ?? {}) }).filter((k) => stableJson(then?.values?.[k] ?? null) !== stableJson(current.values?.[k] ?? null));
      return `operations[${i}] (${describe(op)}): ${then?.exists && !current.exists ? 'it was removed' : !then?.exists && current.exists ? 'it exists now' : `changed: ${keys.join(', ')}`}`;
    }
  }
  return null;
}
