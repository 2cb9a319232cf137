import type { Database } from '../neo4j/db';
import { verifyChain, type ChainBreak } from './auditChain';
import { auditEntries } from './repository';

/** What a check of the whole audit chain found. */
export interface AuditVerification {
  readonly entries: number;
  readonly broken: ChainBreak | null;
  readonly ms: number;
}

/** Recomputes the audit chain from its first entry, in pages of `page`; stops at the first break. */
export async function verifyAudit(db: Pick<Database, 'read'>, onProgress: (checked: number) => void = () => undefined, page = 5000): Promise<AuditVerification> {
  const t0 = Date.now();
  let head = { seq: 0, hash: '' };
  let entries = 0;
  for (;;) {
    const batch = await db.read((tx) => auditEntries(tx, { after: head.seq, first: page }));
    if (batch.length === 0) break;
    const r = verifyChain(batch, head);
    entries += batch.length;
    onProgress(entries);
    if (r.broken) return { entries, broken: r.broken, ms: Date.now() - t0 };
    head = r.head;
    if (batch.length < page) break;
  }
  return { entries, broken: null, ms: Date.now() - t0 };
}
