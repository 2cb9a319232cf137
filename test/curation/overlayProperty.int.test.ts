import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runSeed, defaultSources } from '../../src/seed/seed';
import { silentLog } from '../support/db';
import { gql } from '../support/gqlClient';
import { startApi, type RunningApi } from '../support/http';
import { localIssuer } from '../support/localIssuer';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

// Property-based: random valid change sets, accepted in random order, give the graph that a plain
// TypeScript computation of "seed files + overlay" gives (ids, properties, a checksum), also after a
// new load; random invalid change sets are refused and leave the graph unchanged.

type Props = Record<string, unknown>;
interface Snapshot {
  nodes: Map<string, { label: string; props: Props }>;
  links: Map<string, Props>;
}
interface Change {
  op: string;
  id?: string;
  label?: string;
  type?: string;
  from?: string;
  to?: string;
  properties?: Props;
  unset?: string[];
}

const CITATION = 'brandenburg-bundid';
let own: OwnNeo4j;
let api: RunningApi;
let contributors: { token: string; org: string }[];
let reviewer: string;
let citationUrl: string;
let pool: string[];
let oracle: Snapshot;
let serial = 0;

async function snapshot(): Promise<Snapshot> {
  return api.t.db.read(async (tx) => {
    const nodes = await tx.runText("MATCH (n:GraphNode) RETURN n.id AS id, head([l IN labels(n) WHERE l <> 'GraphNode']) AS label, properties(n) AS props");
    const links = await tx.runText('MATCH (a:GraphNode)-[r]->(b:GraphNode) RETURN type(r) + "|" + a.id + "|" + b.id AS key, properties(r) AS props');
    return { nodes: new Map(nodes.map((r) => [r.id as string, { label: r.label as string, props: r.props as Props }])), links: new Map(links.map((r) => [r.key as string, r.props as Props])) };
  });
}

function checksum(s: Snapshot): string {
  const h = crypto.createHash('sha256');
  const sorted = (o: Props): string => JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
  for (const id of [...s.nodes.keys()].sort()) h.update(`${id} ${s.nodes.get(id)?.label} ${sorted(s.nodes.get(id)?.props ?? {})}\n`);
  for (const k of [...s.links.keys()].sort()) h.update(`${k} ${sorted(s.links.get(k) ?? {})}\n`);
  return h.digest('hex');
}

/** The oracle: a change set applied to plain maps, as the documented rules say (no code of src/curation). */
function applyPlain(s: Snapshot, changes: readonly Change[], stamp: { proposal: string; org: string; reviewer: string }): void {
  const contribution = { proposal: stamp.proposal, contributedBy: stamp.org, reviewedBy: stamp.reviewer };
  // An accepted change re-checks what it writes: `checked` is the day the review accepted it.
  const checked = new Date().toISOString().slice(0, 10);
  const added = { evidence: 'sourced', sources: [CITATION], source: citationUrl, checked, ...contribution };
  const withCitation = (p: Props): Props => {
    const sources = Array.isArray(p.sources) ? (p.sources as string[]) : [];
    const parts = typeof p.source === 'string' && p.source !== '' ? p.source.split(' ; ') : [];
    return { ...p, sources: sources.includes(CITATION) ? sources : [...sources, CITATION], source: (parts.includes(citationUrl) ? parts : [...parts, citationUrl]).join(' ; '), checked };
  };
  for (const c of changes) {
    const key = `${c.type}|${c.from}|${c.to}`;
    switch (c.op) {
      case 'ADD_NODE': {
        const p: Props = { ...c.properties, id: c.id, ...added };
        if (Array.isArray(p.aliases) && p.aliases.length > 0) p.aliasesText = (p.aliases as string[]).join(' | ');
        s.nodes.set(c.id as string, { label: c.label as string, props: p });
        break;
      }
      case 'CHANGE_NODE': {
        const n = s.nodes.get(c.id as string);
        if (!n) throw new Error('oracle: missing node');
        const p: Props = { ...n.props, ...c.properties };
        for (const k of c.unset ?? []) delete p[k];
        delete p.aliasesText;
        if (Array.isArray(p.aliases) && p.aliases.length > 0) p.aliasesText = (p.aliases as string[]).join(' | ');
        s.nodes.set(c.id as string, { label: n.label, props: { ...withCitation(p), ...contribution } });
        break;
      }
      case 'REMOVE_NODE':
        s.nodes.delete(c.id as string);
        for (const k of [...s.links.keys()]) if (k.split('|')[1] === c.id || k.split('|')[2] === c.id) s.links.delete(k);
        break;
      case 'ADD_LINK':
        s.links.set(key, { ...c.properties, ...added });
        break;
      case 'CHANGE_LINK': {
        const p: Props = { ...s.links.get(key), ...c.properties };
        for (const k of c.unset ?? []) delete p[k];
        s.links.set(key, { ...withCitation(p), ...contribution });
        break;
      }
      case 'REMOVE_LINK':
        s.links.delete(key);
        break;
    }
  }
}

const word = fc.stringMatching(/^[a-z]{3,10}$/);

/** What one valid change set does, drawn at random; made concrete against the graph of the moment (see concreteSet). */
const setParams = fc.record({
  note: fc.option(word, { nil: undefined }),
  homepage: fc.option(word.map((w) => `https://${w}.example.org/`), { nil: undefined }),
  tags: fc.option(fc.array(word, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  unsetStatus: fc.boolean(),
  addNode: fc.boolean(),
  aliases: fc.array(word, { maxLength: 2 }),
  linkNote: word,
  removeLink: fc.boolean(),
});

/** A valid change set over `group` (ids no other change set of the round touches) and a new node of its own. */
function concreteSet(r: typeof setParams extends fc.Arbitrary<infer T> ? T : never, group: readonly string[], round: number, index: number): Change[] {
  const [a, b, c] = group as [string, string, string];
  const changes: Change[] = [];
  const set: Props = {};
  if (r.note !== undefined) set.note = r.note;
  if (r.homepage !== undefined) set.homepage = r.homepage;
  if (r.tags !== undefined) set.tags = r.tags;
  if (Object.keys(set).length > 0 || r.unsetStatus) changes.push({ op: 'CHANGE_NODE', id: a, properties: set, ...(r.unsetStatus ? { unset: ['status'] } : {}) });
  const fresh = `pbt-${round}-${index}`;
  if (r.addNode || changes.length === 0) {
    changes.push({ op: 'ADD_NODE', id: fresh, label: 'Component', properties: { name: `PBT ${round}.${index}`, kind: 'product', ...(r.aliases.length > 0 ? { aliases: r.aliases } : {}) } });
    changes.push({ op: 'ADD_LINK', type: 'DEPENDS_ON', from: fresh, to: b, properties: { note: r.linkNote } });
  }
  const existing = [...oracle.links.keys()].find((k) => k.startsWith(`DEPENDS_ON|${c}|`));
  if (existing) {
    const [, from, to] = existing.split('|') as [string, string, string];
    changes.push(r.removeLink ? { op: 'REMOVE_LINK', type: 'DEPENDS_ON', from, to } : { op: 'CHANGE_LINK', type: 'DEPENDS_ON', from, to, properties: { note: r.linkNote } });
  }
  return changes;
}

/** A change set with one defect the model's rules refuse, and the index of the defective operation. */
const invalidSet = fc
  .record({
    defect: fc.integer({ min: 0, max: 7 }),
    prefix: fc.boolean(),
    w: word,
  })
  .map(({ defect, prefix, w }) => {
    const target = pool[0] as string;
    const changes: Change[] = prefix ? [{ op: 'CHANGE_NODE', id: pool[1] as string, properties: { note: w } }] : [];
    const bad: Change[] = [
      { op: 'ADD_NODE', id: `bad-${w}`, label: 'Gizmo', properties: { name: w } },
      { op: 'ADD_NODE', id: `bad-${w}`, label: 'Component', properties: { name: w, kind: 'spaceship' } },
      { op: 'ADD_LINK', type: 'DEPENDS_ON', from: target, to: `missing-${w}`, properties: {} },
      { op: 'CHANGE_NODE', id: pool[1] as string, properties: { homepage: w } },
      { op: 'CHANGE_NODE', id: target, properties: { evidence: 'inferred' } },
      { op: 'CHANGE_NODE', id: `missing-${w}`, properties: { note: w } },
      { op: 'ADD_LINK', type: 'DEPENDS_ON', from: target, to: pool[2] as string, properties: { gudiance: w } },
      { op: 'ADD_LINK', type: 'ADOPTS', from: 'org:land-bremen', to: target, properties: { status: 'maybe' } },
    ];
    const defectOp = bad[defect] as Change;
    // A duplicate (defect 3) needs the prefix to touch the same node.
    if (defect === 3 && !prefix) changes.push({ op: 'CHANGE_NODE', id: pool[1] as string, properties: { note: w } });
    changes.push(defectOp);
    return { changes, at: changes.length - 1 };
  });

beforeAll(async () => {
  own = await startOwnNeo4j({ name: 'overlay-property', seed: true });
  const issuer = await localIssuer();
  api = await startApi({ WRITE_RATE_PER_MINUTE: '0' }, { neo4j: own.neo4j, verifier: issuer.verifier });
  contributors = await Promise.all(
    ['org:land-hamburg', 'org:land-berlin', 'org:land-bremen', 'org:land-sachsen'].map(async (org, i) => ({ org, token: await issuer.token({ sub: `u-c${i}`, name: `c${i}`, roles: ['contributor'], organizations: [org] }) })),
  );
  reviewer = await issuer.token({ sub: 'u-rev', name: 'rev', roles: ['reviewer'], organizations: ['org:bund'] });
  oracle = await snapshot();
  citationUrl = String((await api.t.db.read((tx) => tx.runText('MATCH (s:Source {id: $id}) RETURN s.url AS url', { id: CITATION })))[0]?.url);
  // Components that depend on others, so that links can be changed and removed.
  pool = [...oracle.nodes.entries()].filter(([, n]) => n.label === 'Component').map(([id]) => id).filter((id) => [...oracle.links.keys()].some((k) => k.startsWith(`DEPENDS_ON|${id}|`))).sort().slice(0, 48);
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await own?.stop();
});

describe('change sets, property-based', () => {
  it('random valid change sets accepted in random order give seed files + overlay, also after a new load', async () => {
    expect(pool.length).toBeGreaterThanOrEqual(24);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(setParams, { minLength: 2, maxLength: 4 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), async (params, order) => {
          round += 1;
          // Each set gets three components no other set of the round touches (the pool is walked round by round).
          const sets = params.map((p, i) => {
            const start = ((round * 4 + i) * 3) % (pool.length - 3);
            return concreteSet(p, pool.slice(start, start + 3), round, i);
          });
          const filed: { id: string; changes: Change[]; org: string }[] = [];
          for (const [i, changes] of sets.entries()) {
            const who = contributors[i % contributors.length] as { token: string; org: string };
            const r = await gql(api.url, 'mutation($input: ProposalInput!) { propose(input: $input) { id } }', { input: { reason: `round ${round}`, citations: [CITATION], operations: changes } }, who.token);
            expect(r.errors).toBeUndefined();
            filed.push({ id: r.data.propose.id, changes, org: who.org });
          }
          // Accept in a random order: the sets touch disjoint nodes and links, so each applies.
          const sequence = filed.map((f, i) => ({ f, key: order[i % order.length] ?? i })).sort((a, b) => a.key - b.key).map((x) => x.f);
          for (const f of sequence) {
            const r = await gql(api.url, 'mutation($id: ID!) { acceptProposal(id: $id) { status } }', { id: f.id }, reviewer);
            expect(r.errors).toBeUndefined();
            applyPlain(oracle, f.changes, { proposal: f.id, org: f.org, reviewer: 'rev' });
          }
          serial += sequence.length;
          const now = await snapshot();
          expect(now.nodes.size).toBe(oracle.nodes.size);
          expect(now.links.size).toBe(oracle.links.size);
          for (const f of sequence) for (const c of f.changes) if (c.id) expect(now.nodes.get(c.id)).toEqual(oracle.nodes.get(c.id));
          expect(checksum(now)).toBe(checksum(oracle));
        },
      ),
      // Each run changes the graph, so a failure is reported as found (shrinking would replay against another graph).
      { numRuns: 6, seed: 20261207, endOnFailure: true },
    );
    expect(serial).toBeGreaterThanOrEqual(12);
    // A new load of the seed files re-applies the overlay: the same graph again.
    const r = await runSeed(api.t.db, defaultSources(), silentLog);
    expect(r.curation.conflicts).toEqual([]);
    expect(checksum(await snapshot())).toBe(checksum(oracle));
  }, 600_000);

  it('random invalid change sets are refused naming the operation, and leave the graph unchanged', async () => {
    const before = checksum(await snapshot());
    const count = (await gql(api.url, '{ proposals(first: 100) { id } }')).data.proposals.length;
    await fc.assert(
      fc.asyncProperty(invalidSet, async ({ changes, at }) => {
        const r = await gql(api.url, 'mutation($input: ProposalInput!) { propose(input: $input) { id } }', { input: { reason: 'invalid', citations: [CITATION], operations: changes } }, (contributors[0] as { token: string }).token);
        expect(r.code).toBe('BAD_USER_INPUT');
        const fields = (r.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field);
        expect(fields.some((f) => f.startsWith(`operations[${at}]`))).toBe(true);
      }),
      { numRuns: 30, seed: 7 },
    );
    expect((await gql(api.url, '{ proposals(first: 100) { id } }')).data.proposals.length).toBe(count);
    expect(checksum(await snapshot())).toBe(before);
  }, 300_000);
});
