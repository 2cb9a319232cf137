import crypto from 'node:crypto';
import { auditHash, chainEntry, verifyChain, type AuditEntry, type AuditRecord } from '../../src/curation/auditChain';

const START = { seq: 0, hash: '' };

const record = (i: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  at: `2025-01-0${i}T10:00:00.000Z`,
  subject: `user-${i}`,
  name: `User ${i}`,
  organizations: ['org:bmi'],
  operation: i % 2 === 0 ? 'acceptProposal' : 'propose',
  ids: [`p-${i}`, 'bundid'],
  before: null,
  after: JSON.stringify({ i }),
  requestId: `req-${i}`,
  outcome: i % 2 === 0 ? 'applied' : 'recorded',
  code: null,
  message: null,
  ...extra,
});

/** A chain of `n` entries from the start, as appendToAudit builds it. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let head = START;
  for (let i = 1; i <= n; i++) {
    const e = chainEntry(head, record(i));
    out.push(e);
    head = e;
  }
  return out;
}

/** An entry with `changes` and its hash computed again (a careful forger). */
const rehashed = (e: AuditEntry, changes: Partial<AuditEntry>): AuditEntry => {
  const { hash: _hash, ...rest } = { ...e, ...changes };
  return { ...rest, hash: auditHash(rest) };
};

const ALTERED = 'its content does not match its hash (the entry was altered)';
const UNLINKED = 'does not name the hash of the entry before it (an entry was removed, inserted or altered before it)';

describe('chainEntry', () => {
  it('numbers each entry after the head and links it to the head’s hash', () => {
    const [a, b, c] = chain(3) as [AuditEntry, AuditEntry, AuditEntry];
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect([a.prevHash, b.prevHash, c.prevHash]).toEqual(['', a.hash, b.hash]);
    expect(new Set([a.hash, b.hash, c.hash]).size).toBe(3);
    for (const e of [a, b, c]) expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual({ ...record(2), seq: 2, prevHash: a.hash, hash: b.hash });
  });

  it('hashes the content with sorted keys, so the field order does not matter', () => {
    const e = chain(1)[0]!;
    const content = {
      seq: 1,
      at: e.at,
      subject: e.subject,
      name: e.name,
      organizations: e.organizations,
      operation: e.operation,
      ids: e.ids,
      before: null,
      after: e.after,
      requestId: e.requestId,
      outcome: e.outcome,
      code: null,
      message: null,
      prevHash: '',
    };
    const sorted = JSON.stringify(Object.fromEntries(Object.entries(content).sort(([x], [y]) => (x < y ? -1 : 1))));
    expect(e.hash).toBe(crypto.createHash('sha256').update(sorted).digest('hex'));
  });

  it('gives the same entry after the same head the same hash, and after another head another', () => {
    const head = { seq: 4, hash: 'abc' };
    expect(chainEntry(head, record(1))).toEqual(chainEntry(head, record(1)));
    expect(chainEntry(head, record(1)).hash).not.toBe(chainEntry({ seq: 4, hash: 'abd' }, record(1)).hash);
    expect(chainEntry(head, record(1)).hash).not.toBe(chainEntry({ seq: 5, hash: 'abc' }, record(1)).hash);
  });
});

describe('auditHash', () => {
  it('hashes an absent field like null (Neo4j stores no nulls)', () => {
    const e = chainEntry(START, record(1, { subject: null, name: null, before: null, after: null, code: null, message: null }));
    const { hash, subject: _s, name: _n, before: _b, after: _a, code: _c, message: _m, ...absent } = e;
    expect(Object.keys(absent)).not.toContain('subject');
    // An entry read back from Neo4j without its null fields still verifies.
    expect(verifyChain([{ ...absent, hash } as AuditEntry], START)).toEqual({ broken: null, head: { seq: 1, hash } });
    expect(auditHash(absent as Omit<AuditEntry, 'hash'>)).toBe(hash);
    const { organizations: _o, ids: _i, ...noLists } = { ...e, organizations: [], ids: [] };
    const withEmpty = rehashed(e, { organizations: [], ids: [] });
    expect(auditHash(noLists as unknown as Omit<AuditEntry, 'hash'>)).toBe(withEmpty.hash);
  });

  it('changes with every field', () => {
    const e = chain(1)[0]!;
    const { hash, ...rest } = e;
    const variants: Partial<AuditEntry>[] = [
      { seq: 2 },
      { at: '2025-01-01T10:00:00.001Z' },
      { subject: null },
      { name: 'Someone' },
      { organizations: ['org:fitko'] },
      { operation: 'rejectProposal' },
      { ids: ['p-1'] },
      { before: '{}' },
      { after: null },
      { requestId: 'req-x' },
      { outcome: 'refused' },
      { code: 'FORBIDDEN' },
      { message: 'no' },
      { prevHash: 'x' },
    ];
    const hashes = variants.map((v) => auditHash({ ...rest, ...v }));
    expect(hashes.filter((h) => h === hash)).toEqual([]);
    expect(new Set(hashes).size).toBe(variants.length);
  });
});

describe('verifyChain', () => {
  const entries = chain(5);
  const at = (i: number): AuditEntry => entries[i] as AuditEntry;

  it('accepts a good chain and returns its head', () => {
    expect(verifyChain(entries, START)).toEqual({ broken: null, head: { seq: 5, hash: at(4).hash } });
  });

  it('accepts a run that follows a later head (a page of the chain)', () => {
    expect(verifyChain(entries.slice(2), { seq: 2, hash: at(1).hash })).toEqual({ broken: null, head: { seq: 5, hash: at(4).hash } });
    expect(verifyChain([], { seq: 2, hash: at(1).hash })).toEqual({ broken: null, head: { seq: 2, hash: at(1).hash } });
  });

  it('finds an altered field', () => {
    const tampered = [...entries];
    tampered[2] = { ...at(2), after: JSON.stringify({ i: 99 }) };
    expect(verifyChain(tampered, START)).toEqual({ broken: { seq: 3, reason: ALTERED }, head: { seq: 2, hash: at(1).hash } });
    tampered[2] = { ...at(2), outcome: 'refused' };
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 3, reason: ALTERED });
    tampered[2] = { ...at(2), subject: null };
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 3, reason: ALTERED });
  });

  it('finds an altered entry whose hash was computed again at the entry after it', () => {
    const tampered = [...entries];
    tampered[2] = rehashed(at(2), { name: 'Someone Else' });
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 4, reason: UNLINKED });
    // Rehashing the rest of the chain too is what the head outside the chain guards against.
  });

  it('finds a removed entry', () => {
    const without = entries.filter((e) => e.seq !== 3);
    expect(verifyChain(without, START)).toEqual({ broken: { seq: 4, reason: 'follows entry 2: entry 3 is missing' }, head: { seq: 2, hash: at(1).hash } });
    expect(verifyChain(entries.slice(1), START).broken).toEqual({ seq: 2, reason: 'follows entry 0: entry 1 is missing' });
    expect(verifyChain([at(0), at(3)], START).broken).toEqual({ seq: 4, reason: 'follows entry 1: entries 2..3 are missing' });
  });

  it('finds a removed entry whose successors were renumbered', () => {
    const renumbered = [at(0), at(1), { ...at(3), seq: 3 }, { ...at(4), seq: 4 }];
    expect(verifyChain(renumbered, START).broken).toEqual({ seq: 3, reason: UNLINKED });
  });

  it('finds two swapped entries, with their numbers or with their contents only', () => {
    expect(verifyChain([at(0), at(2), at(1), at(3), at(4)], START).broken).toEqual({ seq: 3, reason: 'follows entry 1: entry 2 is missing' });
    const swappedContent = [at(0), { ...at(2), seq: 2 }, { ...at(1), seq: 3 }, at(3), at(4)];
    expect(verifyChain(swappedContent, START).broken).toEqual({ seq: 2, reason: UNLINKED });
  });

  it('finds a rewritten prevHash, with or without the hash computed again', () => {
    const tampered = [...entries];
    tampered[3] = { ...at(3), prevHash: at(1).hash };
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 4, reason: UNLINKED });
    tampered[3] = rehashed(at(3), { prevHash: '0'.repeat(64) });
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 4, reason: UNLINKED });
    tampered[0] = { ...at(0), prevHash: 'x' };
    expect(verifyChain(tampered, START).broken).toEqual({ seq: 1, reason: UNLINKED });
  });

  it('finds a chain checked against a head of the same number but another hash', () => {
    expect(verifyChain(entries.slice(2), { seq: 2, hash: at(0).hash })).toEqual({ broken: { seq: 3, reason: UNLINKED }, head: { seq: 2, hash: at(0).hash } });
  });

  it('finds entries that do not follow a later head', () => {
    const { broken, head } = verifyChain(entries, { seq: 3, hash: at(2).hash });
    expect(head).toEqual({ seq: 3, hash: at(2).hash });
    expect(broken?.seq).toBe(1);
  });

  // Was a bug (fixed): an entry numbered at or below the head (a later head, a repeated or an out-of-order
  // entry) is reported as "entries 4..0 are missing", a range that runs backwards.
  it('says why an entry numbered at or below the head breaks the chain without a backward range', () => {
    const later = verifyChain(entries, { seq: 3, hash: at(2).hash }).broken;
    expect(later?.reason).not.toMatch(/entries 4\.\.0 are missing/);
    const repeated = verifyChain([at(0), at(1), at(1), at(2)], START).broken;
    expect(repeated?.seq).toBe(2);
    expect(repeated?.reason).not.toMatch(/entries 3\.\.1 are missing/);
  });
});
