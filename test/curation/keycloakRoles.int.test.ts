import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import { loadConfig } from '../../src/config';
import { verifyAudit } from '../../src/curation/verifyAudit';
import { silentLog } from '../support/db';
import { gql } from '../support/gqlClient';
import { mapPool, startApi, type RunningApi } from '../support/http';
import { keycloakForTests, type TestKeycloak } from '../support/keycloak';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';
import { holdTimingLock } from '../support/timingLock';

// Against the run's real Keycloak (keycloak/realm-dstack.json): who may do what (a matrix of
// 5 actors x 8 operations), tokens that must be refused, and writes at the same moment.
let kc: TestKeycloak;
let own: OwnNeo4j;
let api: RunningApi;
// A hard load (200 proposals, 20 at a time; accepts at the same moment): no file that asserts
// latency figures runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;

const CITE = ['brandenburg-bundid'];
const PROPOSE = 'mutation($input: ProposalInput!) { propose(input: $input) { id status } }';
const ACCEPT = 'mutation($id: ID!) { acceptProposal(id: $id) { id status } }';
const REJECT = 'mutation($id: ID!) { rejectProposal(id: $id, reason: "Not supported by the source.") { id status } }';
const AUDIT = '{ auditLog(first: 5) { seq hash } }';
const SOURCE = 'mutation($input: SourceInput!) { registerSource(input: $input) { id url } }';

type Actor = 'anonymous' | 'alice' | 'bob' | 'carla' | 'adam';
const ACTORS: readonly Actor[] = ['anonymous', 'alice', 'bob', 'carla', 'adam'];
const ORG: Record<Actor, string | null> = { anonymous: null, alice: 'org:land-hamburg', bob: 'org:land-berlin', carla: 'org:land-hamburg', adam: 'org:bund' };
let n = 0;
let item = 0;

const token = async (who: Actor): Promise<string | null> => (who === 'anonymous' ? null : kc.tokenFor(who));
const change = (note: string) => ({ input: { reason: `Matrix ${note}.`, citations: CITE, operations: [{ op: 'CHANGE_NODE', id: 'bundid-postfach', properties: { note } }] } });
const report = (org: string) => ({ input: { reason: 'We run it.', organization: org, citations: CITE, operations: [{ op: 'ADD_LINK', type: 'ADOPTS', from: org, to: `matrix-item-${++item}`, properties: { status: 'planned' } }] } });

/** A proposal by `author` that nobody decided yet. */
async function filedBy(author: 'alice' | 'carla' | 'bob'): Promise<string> {
  const r = await gql(api.url, PROPOSE, change(`${author} ${++n}`), await token(author));
  expect(r.errors).toBeUndefined();
  return r.data.propose.id as string;
}

/** The code of a refusal, or 'allowed'. */
function outcome(r: { errors?: { extensions?: Record<string, unknown> }[] }): string {
  return r.errors ? String(r.errors[0]?.extensions?.code) : 'allowed';
}

beforeAll(async () => {
  kc = await keycloakForTests();
  releaseTimingLock = await holdTimingLock();
  own = await startOwnNeo4j({ name: 'keycloak-roles', seed: true });
  const config = loadConfig({ OIDC_ISSUER: kc.issuer, OIDC_AUDIENCE: 'dstack-graph', WRITE_RATE_PER_MINUTE: '0' }, false);
  const verifier = await TokenVerifier.create(config.auth.oidc as NonNullable<typeof config.auth.oidc>, { log: silentLog });
  api = await startApi({ WRITE_RATE_PER_MINUTE: '0', CLIENT_MAX_CONCURRENT: '0' }, { neo4j: own.neo4j, verifier });
  // Items the reports adopt: made once by an accepted proposal (so every report cell has its own).
  const items = Array.from({ length: 20 }, (_, i) => ({ op: 'ADD_NODE', id: `matrix-item-${i + 1}`, label: 'Component', properties: { name: `Matrix item ${i + 1}`, kind: 'product' } }));
  const made = await gql(api.url, PROPOSE, { input: { reason: 'Items for the matrix.', citations: CITE, operations: items } }, await token('alice'));
  expect(made.errors).toBeUndefined();
  expect((await gql(api.url, ACCEPT, { id: made.data.propose.id }, await kc.tokenFor('rita'))).errors).toBeUndefined();
  console.log(`Keycloak ${kc.issuer}: started in ${kc.startMs ?? '?'} ms`);
}, 900_000);

afterAll(async () => {
  await api?.stop();
  await own?.stop();
  releaseTimingLock();
});

describe('roles against the real Keycloak', () => {
  it('allows and refuses each of 40 role x operation cells as specified', async () => {
    const expected: Record<string, Record<Actor, string>> = {
      propose: { anonymous: 'UNAUTHENTICATED', alice: 'allowed', bob: 'allowed', carla: 'allowed', adam: 'FORBIDDEN' },
      'report for own organisation': { anonymous: 'UNAUTHENTICATED', alice: 'allowed', bob: 'allowed', carla: 'allowed', adam: 'FORBIDDEN' },
      'report for another organisation': { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'FORBIDDEN', adam: 'FORBIDDEN' },
      'accept own': { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'FORBIDDEN', adam: 'FORBIDDEN' },
      "accept other's": { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'allowed', adam: 'FORBIDDEN' },
      reject: { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'allowed', adam: 'FORBIDDEN' },
      'read audit': { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'FORBIDDEN', adam: 'allowed' },
      'manage sources': { anonymous: 'UNAUTHENTICATED', alice: 'FORBIDDEN', bob: 'FORBIDDEN', carla: 'FORBIDDEN', adam: 'allowed' },
    };
    const seen: Record<string, Record<string, string>> = {};
    for (const who of ACTORS) {
      const t = await token(who);
      const own = who === 'alice' || who === 'bob' || who === 'carla' ? who : 'alice';
      const cells: Record<string, () => Promise<string>> = {
        propose: async () => outcome(await gql(api.url, PROPOSE, change(`${who} ${++n}`), t)),
        'report for own organisation': async () => outcome(await gql(api.url, PROPOSE, report(ORG[who] ?? 'org:bund'), t)),
        'report for another organisation': async () => outcome(await gql(api.url, PROPOSE, report('org:land-sachsen'), t)),
        // "Own": a proposal the actor filed (one who cannot file is shown alice's: refused all the same).
        'accept own': async () => outcome(await gql(api.url, ACCEPT, { id: await filedBy(own) }, t)),
        "accept other's": async () => outcome(await gql(api.url, ACCEPT, { id: await filedBy(who === 'bob' ? 'alice' : 'bob') }, t)),
        reject: async () => outcome(await gql(api.url, REJECT, { id: await filedBy(who === 'bob' ? 'alice' : 'bob') }, t)),
        'read audit': async () => outcome(await gql(api.url, AUDIT, {}, t)),
        'manage sources': async () => outcome(await gql(api.url, SOURCE, { input: { id: `matrix-source-${++n}`, url: `https://www.example.org/matrix/${n}`, publisher: 'Example', title: 'Matrix', kind: 'official' } }, t)),
      };
      for (const [op, run] of Object.entries(cells)) (seen[op] ??= {})[who] = await run();
    }
    console.log(`role x operation matrix (Keycloak ${kc.issuer}):\n${Object.entries(seen).map(([op, row]) => `  ${op.padEnd(32)} ${ACTORS.map((a) => `${a}=${row[a]}`).join('  ')}`).join('\n')}`);
    expect(seen).toEqual(expected);
  }, 300_000);

  it('refuses forged, expired and wrong-audience tokens UNAUTHENTICATED, writes nothing, and audits each attempt', async () => {
    // A client of this test: tokens that live 1 s, and a client whose tokens are not for this API.
    const adminToken = String((await fetch(`${kc.issuer.replace(/\/realms\/dstack$/, '')}/realms/master/protocol/openid-connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }) }).then((r) => r.json()) as { access_token: string }).access_token);
    const adminApi = `${kc.issuer.replace(/\/realms\/dstack$/, '')}/admin/realms/dstack/clients`;
    const audience = { name: 'audience', protocol: 'openid-connect', protocolMapper: 'oidc-audience-mapper', config: { 'included.custom.audience': 'dstack-graph', 'access.token.claim': 'true', 'id.token.claim': 'false' } };
    for (const client of [
      { clientId: 'matrix-short-lived', publicClient: true, directAccessGrantsEnabled: true, standardFlowEnabled: false, attributes: { 'access.token.lifespan': '1' }, protocolMappers: [audience] },
      { clientId: 'matrix-other-audience', publicClient: true, directAccessGrantsEnabled: true, standardFlowEnabled: false },
    ]) {
      const res = await fetch(adminApi, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(client) });
      expect([201, 409]).toContain(res.status);
    }
    const grant = async (clientId: string): Promise<string> => {
      const res = await fetch(`${kc.issuer}/protocol/openid-connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username: 'alice', password: 'dstack-test-1' }) });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const shortLived = await grant('matrix-short-lived');
    const otherAudience = await grant('matrix-other-audience');
    const real = await kc.tokenFor('alice');
    const [h, p, sig] = real.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['contributor', 'reviewer', 'admin'] } })).toString('base64url'), sig].join('.');
    // The short-lived token is past its expiry and the clock skew (OIDC_CLOCK_SKEW_S 30) after 32 s.
    await new Promise((r) => setTimeout(r, 32_000));
    const adam = await kc.tokenFor('adam');
    const before = (await gql(api.url, AUDIT.replace('first: 5', 'first: 500'), {}, adam)).data.auditLog as { seq: number }[];
    const lastSeq = before.at(-1)?.seq ?? 0;
    const version = async (): Promise<number> => Number((await api.t.db.read((tx) => tx.runText("MATCH (m:GraphMeta {key: 'graph'}) RETURN m.version AS v")))[0]?.v);
    const v0 = await version();
    const count = async (): Promise<number> => (await gql(api.url, '{ proposals(first: 100) { id } }')).data.proposals.length;
    const c0 = await count();
    for (const [name, t] of [['forged', forged], ['expired', shortLived], ['wrong audience', otherAudience]] as const) {
      const r = await gql(api.url, PROPOSE, change(name), t);
      expect({ name, code: r.code }).toEqual({ name, code: 'UNAUTHENTICATED' });
    }
    expect(await count()).toBe(c0);
    expect(await version()).toBe(v0);
    const after = (await gql(api.url, `{ auditLog(first: 10, after: ${lastSeq}, filter: { outcome: "refused" }) { operation outcome code subject message } }`, {}, adam)).data.auditLog as { code: string; subject: string | null; message: string }[];
    expect(after.map((e) => e.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(after.every((e) => e.subject === null)).toBe(true);
    expect(after.map((e) => e.message).join(' ')).toMatch(/expired/);
  }, 180_000);

  it('two reviewers accepting conflicting proposals at the same moment: exactly one applies, the other gets CONFLICT', async () => {
    const [rita, rene] = [await kc.tokenFor('rita'), await kc.tokenFor('rene')];
    for (let round = 0; round < 5; round++) {
      const a = await filedBy('alice');
      const b = await filedBy('bob');
      const [ra, rb] = await Promise.all([gql(api.url, ACCEPT, { id: a }, rita), gql(api.url, ACCEPT, { id: b }, rene)]);
      expect([outcome(ra), outcome(rb)].sort()).toEqual(['CONFLICT', 'allowed']);
      const winner = outcome(ra) === 'allowed' ? a : b;
      const note = (await gql(api.url, '{ node(id: "bundid-postfach") { ... on Component { note proposal } } }')).data.node;
      expect(note.proposal).toBe(winner);
    }
  }, 180_000);

  it('10 users filing 200 proposals concurrently: all recorded, and the audit chain verifies', async () => {
    const users = Array.from({ length: 10 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`);
    const tokens = await Promise.all(users.map((u) => kc.tokenFor(u)));
    const before = await api.t.db.read((tx) => tx.runText('MATCH (p:Proposal) RETURN count(p) AS n'));
    const t0 = Date.now();
    const results = await mapPool(
      Array.from({ length: 200 }, (_, i) => i),
      20,
      (i) => gql(api.url, PROPOSE, { input: { reason: `Load ${i}.`, citations: CITE, operations: [{ op: 'CHANGE_NODE', id: 'muk', properties: { note: `concurrent ${i}` } }] } }, tokens[i % 10]),
    );
    const ms = Date.now() - t0;
    expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.message)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.propose.id as string));
    expect(ids.size).toBe(200);
    const after = await api.t.db.read((tx) => tx.runText('MATCH (p:Proposal) RETURN count(p) AS n'));
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(200);
    const audit = await verifyAudit(api.t.db);
    expect(audit.broken).toBeNull();
    console.log(`200 proposals by 10 users, 20 at a time: ${ms} ms; audit chain of ${audit.entries} entries verified in ${audit.ms} ms`);
  }, 300_000);
});
