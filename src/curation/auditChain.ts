import crypto from 'node:crypto';
import { stableJson } from './changeSet';

/** One entry of the audit log as stored: every write attempt, applied or refused. */
export interface AuditEntry {
  readonly seq: number;
  /** ISO time. */
  readonly at: string;
  /** The token's subject; null when no valid token was presented. */
  readonly subject: string | null;
  readonly name: string | null;
  readonly organizations: readonly string[];
  /** The mutation: propose, acceptProposal, rejectProposal, withdrawProposal, registerSource, ... */
  readonly operation: string;
  /** The proposal and the node and link ids concerned. */
  readonly ids: readonly string[];
  /** JSON text of what changed: before and after (null when nothing changed). */
  readonly before: string | null;
  readonly after: string | null;
  readonly requestId: string;
  /** `applied` (the graph changed), `recorded` (a proposal's state changed) or `refused`. */
  readonly outcome: 'applied' | 'recorded' | 'refused';
  /** The error code of a refusal. */
  readonly code: string | null;
  readonly message: string | null;
  /** The hash of the entry before (empty for the first). */
  readonly prevHash: string;
  readonly hash: string;
}

/** An audit entry as the resolvers see it. */
export type AuditEntryRecord = AuditEntry;

/** An entry before it is chained: everything but its place and hashes. */
export type AuditRecord = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The SHA-256 of an entry's content and the hash before it: changing any field, or the order, breaks the chain. */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, subject, name, organizations, operation, ids, before, after, requestId, outcome, code, message, prevHash } = entry;
  // Neo4j stores no null properties: an absent field and null hash alike.
  const n = <T>(v: T | null | undefined): T | null => v ?? null;
  const content = { seq, at, subject: n(subject), name: n(name), organizations: organizations ?? [], operation, ids: ids ?? [], before: n(before), after: n(after), requestId, outcome, code: n(code), message: n(message), prevHash };
  return crypto.createHash('sha256').update(stableJson(content)).digest('hex');
}

/** The entry that follows the head `{seq, hash}`. */
export function chainEntry(head: { seq: number; hash: string }, record: AuditRecord): AuditEntry {
  const unhashed = { ...record, seq: head.seq + 1, prevHash: head.hash };
  return { ...unhashed, hash: auditHash(unhashed) };
}

/** Where a chain breaks: the first entry whose hash, link to the one before, or number is wrong. */
export interface ChainBreak {
  readonly seq: number;
  readonly reason: string;
}

/**
 * Checks a run of entries that follows `previous` (seq and hash of the entry before; `{0, ''}` at
 * the start): returns the first break, or null and the new head.
 */
export function verifyChain(entries: readonly AuditEntry[], previous: { seq: number; hash: string }): { broken: ChainBreak | null; head: { seq: number; hash: string } } {
  let head = previous;
  for (const e of entries) {
    if (e.seq <= head.seq) return { broken: { seq: e.seq, reason: `is numbered ${e.seq} but follows entry ${head.seq} (an entry was repeated or renumbered)` }, head };
    if (e.seq !== head.seq + 1) return { broken: { seq: e.seq, reason: `follows entry ${head.seq}: ${e.seq - head.seq === 2 ? `entry ${head.seq + 1} is` : `entries ${head.seq + 1}..${e.seq - 1} are`} missing` }, head };
    if (e.prevHash !== head.hash) return { broken: { seq: e.seq, reason: 'does not name the hash of the entry before it (an entry was removed, inserted or altered before it)' }, head };
    const { hash, ...rest } = e;
    if (auditHash(rest) !== hash) return { broken: { seq: e.seq, reason: 'its content does not match its hash (the entry was altered)' }, head };
    head = { seq: e.seq, hash };
  }
  return { broken: null, head };
}
