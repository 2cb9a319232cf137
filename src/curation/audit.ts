import type { Database, Tx } from '../neo4j/db';
import { AppError } from '../errors';
import type { Actor } from './Actor';
import { chainEntry, type AuditRecord } from './auditChain';
import { appendAudit, auditHead } from './repository';

/** What a write attempt adds to the audit besides who and when. */
export interface AuditFacts {
  readonly operation: string;
  readonly ids: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
}

/** The audit record of an attempt by `actor` (the principal's claims, or none for a refused token). */
export function auditRecord(actor: Actor, facts: AuditFacts, outcome: AuditRecord['outcome'], error?: AppError | null): AuditRecord {
  const p = actor.principal;
  return {
    at: new Date().toISOString(),
    subject: p?.subject ?? null,
    name: p?.name ?? null,
    organizations: [...(p?.organizations ?? [])].slice(0, 20),
    operation: facts.operation,
    ids: [...facts.ids].slice(0, 200),
    before: facts.before === undefined ? null : JSON.stringify(facts.before),
    after: facts.after === undefined ? null : JSON.stringify(facts.after),
    requestId: actor.requestId,
    outcome,
    code: error?.code ?? null,
    message: error?.message ?? null,
  };
}

/** Appends a record to the audit chain inside `tx` (the write it records commits with it, or neither). */
export async function appendToAudit(tx: Tx, record: AuditRecord): Promise<void> {
  const head = await auditHead(tx);
  await appendAudit(tx, chainEntry(head, record));
}

/** Appends the refusal of a write attempt in a transaction of its own. */
export async function auditRefusal(db: Database, actor: Actor, facts: AuditFacts, error: unknown): Promise<void> {
  const app = error instanceof AppError ? error : null;
  const record = auditRecord(actor, facts, 'refused', app);
  await db.write((tx) => appendToAudit(tx, app ? record : { ...record, code: 'INTERNAL_SERVER_ERROR', message: 'an unexpected error (see the server log)' }));
}
