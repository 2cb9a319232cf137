import type { Database } from '../neo4j/db';
import { ForbiddenError, InputError } from '../errors';
import { requireRole, type Actor } from './Actor';
import type { AuditEntry } from './auditChain';
import { applyChangeSet, type DiffEntry } from './applyChangeSet';
import type { Curation, ProposalInputShape } from './Curation';
import { loadView, staleOperation } from './Curation';
import { readProposal, type CurationConflictRecord, type ProposalChangeRecord, type ProposalRecord } from './proposalRecord';
import { auditEntries, curationConflicts, listProposals, proposalById } from './repository';
import type { CurationConflict } from './overlay';

/** The write side and its reads, bound to one request's database view and actor. */
export interface CurationLoaders {
  propose(input: ProposalInputShape): Promise<ProposalRecord>;
  accept(id: string): Promise<ProposalRecord>;
  reject(id: string, reason: string): Promise<ProposalRecord>;
  withdraw(id: string): Promise<ProposalRecord>;
  registerSource(input: Readonly<Record<string, unknown>>): ReturnType<Curation['registerSource']>;
  proposals(f: { status: string | null; author: string | null; organization: string | null; touches: string | null; before: number | null; first: number }): Promise<ProposalRecord[]>;
  proposal(id: string): Promise<ProposalRecord | null>;
  diff(p: ProposalRecord): Promise<ProposalChangeRecord[]>;
  conflicts(): Promise<CurationConflictRecord[]>;
  auditLog(f: { subject: string | null; outcome: string | null; operation: string | null; after: number; first: number }): Promise<AuditEntry[]>;
}

/** Loaders of the write side; `curation` is undefined on a server without sign-in (reads still work). */
export function createCurationLoaders(db: Database, actor: Actor, curation: Curation | undefined): CurationLoaders {
  const writes = (): Curation => {
    if (!curation) throw new ForbiddenError('This server is read-only: sign-in is not configured (OIDC_ISSUER).', { reason: 'read_only' });
    return curation;
  };
  return {
    propose: (input) => writes().propose(db, actor, input),
    accept: (id) => writes().accept(db, actor, id),
    reject: (id, reason) => writes().reject(db, actor, id, reason),
    withdraw: (id) => writes().withdraw(db, actor, id),
    registerSource: (input) => writes().registerSource(db, actor, input),
    proposals: async (f) => {
      if (f.first < 1 || f.first > 100) throw new InputError(`first must be from 1 to 100, got ${f.first}`);
      const rows = await db.read((tx) => listProposals(tx, f));
      return rows.map(readProposal);
    },
    proposal: async (id) => {
      const p = await db.read((tx) => proposalById(tx, id));
      return p ? readProposal(p) : null;
    },
    diff: async (p) => {
      if (p.applied) return p.applied.map((d) => changeRecord(d, null));
      if (p.status !== 'submitted') return [];
      return db.read(async (tx) => {
        const view = await loadView(tx, p.operations);
        const stale = staleOperation(p.operations, p.bases, view);
        try {
          const writes = applyChangeSet(p.operations, view, { proposal: p.id, organization: p.organization, reviewer: '(review)', evidence: p.kind === 'change' ? 'sourced' : 'reported', citations: p.citations, sourceText: '' });
          return writes.diff.map((d, i) => changeRecord(d, stale && stale.startsWith(`operations[${i}]`) ? stale : null));
        } catch {
          // An operation's target is gone: the diff cannot be computed; say so on every entry.
          return p.operations.map((op, i) => ({ op: toOp(op.op), entity: 'id' in op ? ('node' as const) : ('link' as const), key: 'id' in op ? op.id : `${op.type}|${op.from}|${op.to}`, kind: 'label' in op ? op.label : 'type' in op ? op.type : '', before: null, after: null, conflict: stale ?? `operations[${i}] no longer applies` }));
        }
      });
    },
    conflicts: async () => {
      const rows = await db.read((tx) => curationConflicts(tx));
      return rows.map((r) => ({ ...(JSON.parse(r.conflict) as CurationConflict), load: r.load }));
    },
    auditLog: async (f) => {
      requireRole(actor, 'admin', 'read the audit log');
      if (f.first < 1 || f.first > 500) throw new InputError(`first must be from 1 to 500, got ${f.first}`);
      return db.read((tx) => auditEntries(tx, f));
    },
  };
}

const OPS = { addNode: 'ADD_NODE', changeNode: 'CHANGE_NODE', removeNode: 'REMOVE_NODE', addLink: 'ADD_LINK', changeLink: 'CHANGE_LINK', removeLink: 'REMOVE_LINK' } as const;
const toOp = (op: keyof typeof OPS): (typeof OPS)[keyof typeof OPS] => OPS[op];

/** A diff entry as the API shows it. */
export function changeRecord(d: DiffEntry, conflict: string | null): ProposalChangeRecord {
  return { op: toOp(d.op), entity: d.entity, key: d.key, kind: d.kind, before: d.before, after: d.after, conflict };
}
