import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gql } from '../support/gqlClient';
import { startApi, type RunningApi } from '../support/http';
import { localIssuer, type LocalIssuer } from '../support/localIssuer';
import { startOwnNeo4j, type OwnNeo4j } from '../support/ownNeo4j';

// Proposals end to end over HTTP, with tokens of a local issuer (the Keycloak matrix is in
// test/curation/keycloakRoles.int.test.ts): file, check, accept, reject, withdraw, conflicts.
let own: OwnNeo4j;
let api: RunningApi;
let issuer: LocalIssuer;
const tokens = {} as Record<'alice' | 'bob' | 'rita' | 'carla', string>;

const PROPOSE = `mutation($input: ProposalInput!) { propose(input: $input) { id status kind organization author diff { op key before after conflict } } }`;
const ACCEPT = `mutation($id: ID!) { acceptProposal(id: $id) { id status reviewer graphVersion } }`;

beforeAll(async () => {
  own = await startOwnNeo4j({ name: 'proposals', seed: true });
  issuer = await localIssuer();
  api = await startApi({ WRITE_RATE_PER_MINUTE: '0' }, { neo4j: own.neo4j, verifier: issuer.verifier });
  tokens.alice = await issuer.token({ sub: 'u-alice', name: 'alice', roles: ['contributor'], organizations: ['org:land-hamburg'] });
  tokens.bob = await issuer.token({ sub: 'u-bob', name: 'bob', roles: ['contributor'], organizations: ['org:land-berlin'] });
  tokens.rita = await issuer.token({ sub: 'u-rita', name: 'rita', roles: ['reviewer'], organizations: ['org:bund'] });
  tokens.carla = await issuer.token({ sub: 'u-carla', name: 'carla', roles: ['contributor', 'reviewer'], organizations: ['org:land-hamburg'] });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await own?.stop();
});

describe('proposals', () => {
  it('files a change, shows its diff, and applies it on accept with its provenance', async () => {
    const filed = await gql(api.url, PROPOSE, { input: { reason: 'The homepage moved.', citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'bundid', properties: { homepage: 'https://id.bund.de/de' } }] } }, tokens.alice);
    expect(filed.errors).toBeUndefined();
    const p = filed.data.propose;
    expect(p).toMatchObject({ status: 'submitted', kind: 'change', organization: 'org:land-hamburg', author: 'alice' });
    expect(p.diff[0].after.homepage).toBe('https://id.bund.de/de');
    const before = await gql(api.url, '{ node(id: "bundid") { ... on Component { homepage proposal } } }');
    expect(before.data.node.proposal).toBeNull();
    const accepted = await gql(api.url, ACCEPT, { id: p.id }, tokens.rita);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptProposal).toMatchObject({ status: 'accepted', reviewer: 'rita' });
    const after = await gql(api.url, '{ node(id: "bundid") { ... on Component { homepage proposal contributedBy reviewedBy } } }');
    expect(after.data.node).toEqual({ homepage: 'https://id.bund.de/de', proposal: p.id, contributedBy: 'org:land-hamburg', reviewedBy: 'rita' });
  });

  it('refuses a change set that breaks the model with BAD_USER_INPUT naming operation and field, and files nothing', async () => {
    const count = async (): Promise<number> => (await gql(api.url, '{ proposals(first: 100) { id } }')).data.proposals.length;
    const n = await count();
    const bad = await gql(
      api.url,
      PROPOSE,
      {
        input: {
          reason: 'Several mistakes at once.',
          citations: ['brandenburg-bundid'],
          operations: [
            { op: 'ADD_NODE', id: 'made-up', label: 'Gadget', properties: { name: 'X' } },
            { op: 'ADD_NODE', id: 'new-thing', label: 'Component', properties: { name: 'New thing', kind: 'spaceship' } },
            { op: 'ADD_LINK', type: 'DEPENDS_ON', from: 'bundid', to: 'no-such-node', properties: {} },
            { op: 'CHANGE_NODE', id: 'bundid', properties: { homepage: 'https://example.org' } },
            { op: 'CHANGE_NODE', id: 'bundid', properties: { status: 'x' } },
            { op: 'ADD_LINK', type: 'ADOPTS', from: 'org:land-hamburg', to: 'bundid', properties: { status: 'in-use', gudiance: 'typo' } },
            { op: 'CHANGE_NODE', id: 'bundid-postfach', properties: { evidence: 'sourced' } },
          ],
        },
      },
      tokens.alice,
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['operations[0].label', 'operations[1].properties.kind', 'operations[2].to', 'operations[4]', 'operations[5].properties.gudiance', 'operations[6].properties.evidence']));
    expect(await count()).toBe(n);
    const dangling = await gql(api.url, PROPOSE, { input: { reason: 'x', citations: ['no-such-source'], operations: [{ op: 'REMOVE_NODE', id: 'no-such-node' }] } }, tokens.alice);
    expect(dangling.code).toBe('BAD_USER_INPUT');
    expect((dangling.errors?.[0]?.extensions?.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(['citations[0]', 'operations[0].id']);
    const denied = await gql(api.url, PROPOSE, { input: { reason: 'x', newSources: [{ id: 'copy-of-x', url: 'https://profilbaru.com/article/BundID', kind: 'secondary' }], operations: [{ op: 'CHANGE_NODE', id: 'bundid', properties: { note: 'n' } }] } }, tokens.alice);
    expect(denied.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(denied.errors?.[0]?.extensions?.problems)).toMatch(/deny-list/);
  });

  it('keeps four eyes: a reviewer cannot accept or reject their own proposal; the author withdraws, others cannot', async () => {
    const own = await gql(api.url, PROPOSE, { input: { reason: 'Own.', citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'bundid-postfach', properties: { note: 'carla' } }] } }, tokens.carla);
    const id = own.data.propose.id;
    expect((await gql(api.url, ACCEPT, { id }, tokens.carla)).code).toBe('FORBIDDEN');
    expect((await gql(api.url, 'mutation($id: ID!) { rejectProposal(id: $id, reason: "no") { id } }', { id }, tokens.carla)).code).toBe('FORBIDDEN');
    expect((await gql(api.url, 'mutation($id: ID!) { withdrawProposal(id: $id) { id } }', { id }, tokens.alice)).code).toBe('FORBIDDEN');
    const w = await gql(api.url, 'mutation($id: ID!) { withdrawProposal(id: $id) { status } }', { id }, tokens.carla);
    expect(w.data.withdrawProposal.status).toBe('withdrawn');
    expect((await gql(api.url, ACCEPT, { id }, tokens.rita)).code).toBe('CONFLICT');
    const r = await gql(api.url, PROPOSE, { input: { reason: 'Other.', citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'bundid-postfach', properties: { note: 'bob' } }] } }, tokens.bob);
    const rejected = await gql(api.url, 'mutation($id: ID!) { rejectProposal(id: $id, reason: "Not what the source says.") { status reviewer decisionReason } }', { id: r.data.propose.id }, tokens.carla);
    expect(rejected.data.rejectProposal).toEqual({ status: 'rejected', reviewer: 'carla', decisionReason: 'Not what the source says.' });
  });

  it('refuses CONFLICT when what a proposal changes moved since it was filed, and applies nothing of it', async () => {
    const change = (value: string) => ({ input: { reason: `Note ${value}.`, citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'muk', properties: { note: value } }, { op: 'ADD_LINK', type: 'ADOPTS', from: 'org:land-berlin', to: 'muk', properties: { status: 'planned' } }] } });
    const first = (await gql(api.url, PROPOSE, change('first'), tokens.alice)).data.propose.id;
    const second = (await gql(api.url, PROPOSE, change('second'), tokens.bob)).data.propose.id;
    expect((await gql(api.url, ACCEPT, { id: first }, tokens.rita)).errors).toBeUndefined();
    const diff = await gql(api.url, 'query($id: ID!) { proposal(id: $id) { status diff { key conflict } } }', { id: second });
    expect(diff.data.proposal.diff[0].conflict).toMatch(/note/);
    const late = await gql(api.url, ACCEPT, { id: second }, tokens.rita);
    expect(late.code).toBe('CONFLICT');
    expect(late.errors?.[0]?.message).toMatch(/older state/);
    const node = await gql(api.url, '{ node(id: "muk") { ... on Component { note } } }');
    expect(node.data.node.note).toBe('first');
    expect((await gql(api.url, 'query($id: ID!) { proposal(id: $id) { status } }', { id: second })).data.proposal.status).toBe('submitted');
  });

  it('lets an organisation report about itself (evidence reported), never about another', async () => {
    const report = (org: string, token: string) => gql(api.url, PROPOSE, { input: { reason: 'We run it.', organization: org, citations: ['brandenburg-bundid'], operations: [{ op: 'ADD_LINK', type: 'ADOPTS', from: org, to: 'bundid-postfach', properties: { status: 'piloting' } }] } }, token);
    expect((await report('org:land-berlin', tokens.alice)).code).toBe('FORBIDDEN');
    const mixed = await gql(api.url, PROPOSE, { input: { reason: 'x', organization: 'org:land-hamburg', citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'bundid', properties: { note: 'n' } }] } }, tokens.alice);
    expect(mixed.code).toBe('FORBIDDEN');
    const ok = await report('org:land-hamburg', tokens.alice);
    expect(ok.data.propose.kind).toBe('report');
    expect((await gql(api.url, ACCEPT, { id: ok.data.propose.id }, tokens.rita)).errors).toBeUndefined();
    const links = await gql(api.url, '{ node(id: "org:land-hamburg") { ... on Organization { adopts(first: 100) { ... on AdoptsLink { status evidence proposal node { id } } } } } }');
    const link = links.data.node.adopts.find((l: { node: { id: string } }) => l.node.id === 'bundid-postfach');
    expect(link).toMatchObject({ status: 'piloting', evidence: 'reported', proposal: ok.data.propose.id });
  });

  it('refuses every write without a valid token or role, and says read-only when sign-in is off', async () => {
    const input = { input: { reason: 'x', citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'bundid', properties: { note: 'n' } }] } };
    expect((await gql(api.url, PROPOSE, input)).code).toBe('UNAUTHENTICATED');
    expect((await gql(api.url, PROPOSE, input, tokens.rita)).code).toBe('FORBIDDEN');
    const expired = await issuer.token({ sub: 'u-alice', roles: ['contributor'], organizations: ['org:land-hamburg'] }, { expiresInS: -120 });
    expect((await gql(api.url, PROPOSE, input, expired)).code).toBe('UNAUTHENTICATED');
    const read = await gql(api.url, '{ __typename }', {}, expired);
    expect(read.status).toBe(401);
    expect(read.code).toBe('UNAUTHENTICATED');
    const about = await gql(api.url, '{ about { writes { enabled issuer audience readAccess } } }');
    expect(about.data.about.writes).toMatchObject({ enabled: true, audience: 'dstack-graph', readAccess: 'public' });
  });

  it('answers RATE_LIMITED with HTTP 429 and Retry-After beyond the writes one user may make per minute, and audits it', async () => {
    const limited = await startApi({ WRITE_RATE_PER_MINUTE: '2' }, { neo4j: own.neo4j, verifier: issuer.verifier });
    try {
      const input = (i: number) => ({ input: { reason: `Rate ${i}.`, citations: ['brandenburg-bundid'], operations: [{ op: 'CHANGE_NODE', id: 'landesnutzerkonto', properties: { note: `rate ${i}` } }] } });
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await gql(limited.url, PROPOSE, input(i), tokens.bob));
      expect(answers.map((a) => a.code ?? 'ok')).toEqual(['ok', 'ok', 'RATE_LIMITED']);
      expect(answers[2]?.status).toBe(429);
      expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(answers[2]?.errors)).not.toMatch(/stack|at \//);
      // Another user has a share of their own.
      expect((await gql(limited.url, PROPOSE, input(9), tokens.alice)).code).toBeUndefined();
      const audit = await api.t.db.read((tx) => tx.runText("MATCH (a:AuditEntry {code: 'RATE_LIMITED'}) RETURN a.name AS name, a.outcome AS outcome"));
      expect(audit).toEqual([{ name: 'bob', outcome: 'refused' }]);
    } finally {
      await limited.stop();
    }
  });

  it('counts a use the organisation reported for its own service apart in coverage (reported, not sourced or inferred)', async () => {
    const [row] = await api.t.db.read((tx) =>
      tx.runText("MATCH (s:Service) WHERE NOT EXISTS { (s)-[u:USES]->(:Component) WHERE u.evidence IN ['sourced', 'reported'] } AND NOT EXISTS { (:Organization)-[:OFFERS]->(s) } RETURN s.id AS id ORDER BY s.id LIMIT 1"),
    );
    const service = String(row?.id);
    const coverage = async () => (await gql(api.url, '{ about { coverage { services sourced secondary reported inferred none } } }')).data.about.coverage;
    const before = await coverage();
    const report = (operations: unknown[]) => gql(api.url, PROPOSE, { input: { reason: 'Our service.', organization: 'org:land-hamburg', citations: ['brandenburg-bundid'], operations } }, tokens.alice);
    // A use of a service Hamburg does not offer (yet) is not Hamburg's to report.
    expect((await report([{ op: 'ADD_LINK', type: 'USES', from: service, to: 'bundid' }])).code).toBe('FORBIDDEN');
    const offers = await report([{ op: 'ADD_LINK', type: 'OFFERS', from: 'org:land-hamburg', to: service }]);
    expect((await gql(api.url, ACCEPT, { id: offers.data.propose.id }, tokens.rita)).errors).toBeUndefined();
    const uses = await report([{ op: 'ADD_LINK', type: 'USES', from: service, to: 'bundid' }]);
    expect(uses.errors).toBeUndefined();
    expect((await gql(api.url, ACCEPT, { id: uses.data.propose.id }, tokens.rita)).errors).toBeUndefined();
    const after = await coverage();
    expect(after.reported).toBe(before.reported + 1);
    expect(after.sourced).toBe(before.sourced);
    expect(after.services).toBe(before.services);
    expect(after.sourced + after.secondary + after.reported + after.inferred + after.none).toBe(after.services);
  });

  it('applies the limits to mutations: too many operations, too many aliases; each refusal is audited', async () => {
    const small = await startApi({ PROPOSAL_MAX_OPERATIONS: '2', WRITE_RATE_PER_MINUTE: '0' }, { neo4j: own.neo4j, verifier: issuer.verifier });
    try {
      const ops = ['a', 'b', 'c'].map((n) => ({ op: 'CHANGE_NODE', id: 'landesnutzerkonto', properties: { note: n } }));
      const big = await gql(small.url, PROPOSE, { input: { reason: 'Too big.', citations: ['brandenburg-bundid'], operations: ops } }, tokens.alice);
      expect(big.code).toBe('BAD_USER_INPUT');
      expect(big.errors?.[0]?.extensions).toMatchObject({ limit: 2, found: 3 });
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: withdrawProposal(id: "proposal-1") { id }`).join(' ');
      const many = await gql(small.url, `mutation Many { ${aliases} }`, {}, tokens.alice);
      expect(many.code).toBe('ALIAS_LIMIT_EXCEEDED');
      const audit = await api.t.db.read((tx) => tx.runText("MATCH (a:AuditEntry) WHERE a.code IN ['ALIAS_LIMIT_EXCEEDED', 'BAD_USER_INPUT'] AND a.name = 'alice' RETURN a.operation AS operation, a.code AS code ORDER BY a.seq DESC LIMIT 2"));
      expect(audit).toEqual([
        { operation: 'withdrawProposal', code: 'ALIAS_LIMIT_EXCEEDED' },
        { operation: 'propose', code: 'BAD_USER_INPUT' },
      ]);
    } finally {
      await small.stop();
    }
  });

  it('with READ_ACCESS=authenticated answers reads only with a valid token (401 otherwise)', async () => {
    const closed = await startApi({ OIDC_ISSUER: issuer.oidc.issuer, OIDC_AUDIENCE: 'dstack-graph', READ_ACCESS: 'authenticated' }, { neo4j: own.neo4j, verifier: issuer.verifier });
    try {
      const anonymous = await gql(closed.url, '{ about { writes { readAccess } } }');
      expect({ status: anonymous.status, code: anonymous.code, challenge: anonymous.headers.get('www-authenticate') }).toEqual({ status: 401, code: 'UNAUTHENTICATED', challenge: 'Bearer' });
      const signedIn = await gql(closed.url, '{ about { writes { readAccess } } }', {}, tokens.bob);
      expect(signedIn.data).toEqual({ about: { writes: { readAccess: 'authenticated' } } });
    } finally {
      await closed.stop();
    }
  });
});
