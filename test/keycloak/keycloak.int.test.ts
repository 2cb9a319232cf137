// The run's real Keycloak 26 from Maven Central (src/keycloak, started by globalSetup) with the
// repository's realm: the claims the API relies on (iss, aud, realm roles, organization).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, keycloakForTests, passwordGrant, type TestKeycloak } from '../support/keycloak';

let kc: TestKeycloak;

async function claimsOf(username: string): Promise<Record<string, unknown>> {
  const { status, body } = await passwordGrant(kc.issuer, username);
  expect(status).toBe(200);
  return decodeJwt(body.access_token as string);
}

describe('local Keycloak with realm dstack', () => {
  beforeAll(async () => {
    kc = await keycloakForTests();
    console.log(`Keycloak ${kc.issuer}: started in ${kc.startMs ?? '?'} ms`);
  }, 300_000);

  it('answers the discovery document with its issuer', async () => {
    const res = await fetch(`${kc.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { issuer: string }).issuer).toBe(kc.issuer);
  });

  it("gives alice a token with issuer, audience dstack-graph, role contributor and her organization", async () => {
    const c = await claimsOf('alice');
    expect(c.iss).toBe(kc.issuer);
    expect([c.aud].flat()).toContain('dstack-graph');
    expect((c.realm_access as { roles: string[] }).roles).toContain('contributor');
    expect((c.realm_access as { roles: string[] }).roles).not.toContain('reviewer');
    expect(c.organization).toEqual(['org:land-hamburg']);
    expect(c.preferred_username).toBe('alice');
  });

  it('gives carla both contributor and reviewer', async () => {
    const roles = ((await claimsOf('carla')).realm_access as { roles: string[] }).roles;
    expect(roles).toEqual(expect.arrayContaining(['contributor', 'reviewer']));
  });

  it('gives user07 organization org:land-sachsen and rita org:bund as reviewer', async () => {
    expect((await claimsOf('user07')).organization).toEqual(['org:land-sachsen']);
    const rita = await claimsOf('rita');
    expect(rita.organization).toEqual(['org:bund']);
    expect((rita.realm_access as { roles: string[] }).roles).toContain('reviewer');
  });

  it('refuses a wrong password', async () => {
    const { status, body } = await passwordGrant(kc.issuer, 'alice', 'wrong-password');
    expect(status).toBe(401);
    expect(body.error).toBe('invalid_grant');
  });
});
