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
const tokens: Record<string, string> = {};

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
});
