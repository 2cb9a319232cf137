import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import type { OidcConfig } from '../../src/config';
import { AuthenticationError } from '../../src/errors';

// A local issuer: /jwks serves `published` (counted in `jwksFetches`), discovery points at it.
let server: http.Server;
let issuer: string;
let published: JWK[] = [];
let jwksFetches = 0;
let discovery: (base: string) => unknown = (base) => ({ issuer: base, jwks_uri: `${base}/jwks` });
const keys: Record<string, { privateKey: CryptoKey; jwk: JWK }> = {};
const log = { info: jest.fn(), warn: jest.fn() };

beforeAll(async () => {
  for (const kid of ['a', 'b', 'c', 'd']) {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    keys[kid] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
  }
  server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/jwks') {
      jwksFetches += 1;
      res.end(JSON.stringify({ keys: published }));
    } else if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify(discovery(issuer)));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  published = [keys.a!.jwk];
  jwksFetches = 0;
  discovery = (base) => ({ issuer: base, jwks_uri: `${base}/jwks` });
});

const settings = (over: Partial<OidcConfig> = {}): OidcConfig => ({
  issuer,
  audience: 'dstack-graph',
  jwksUri: `${issuer}/jwks`,
  rolesClaim: 'realm_access.roles',
  organizationClaim: 'organization',
  nameClaim: 'preferred_username',
  algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
  clockSkewS: 30,
  jwksCooldownS: 30,
  ...over,
});

const now = () => Math.floor(Date.now() / 1000);

/** A token signed by key `kid`; `claims` overrides the defaults (undefined drops one). */
function token(claims: Record<string, unknown> = {}, kid = 'a'): Promise<string> {
  const all: Record<string, unknown> = {
    iss: issuer,
    aud: 'dstack-graph',
    sub: 'user-1',
    iat: now(),
    exp: now() + 300,
    preferred_username: 'erika',
    realm_access: { roles: ['contributor', 'offline_access', 'reviewer'] },
    organization: ['org:land-hamburg'],
    ...claims,
  };
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k];
  return new SignJWT(all).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(keys[kid]!.privateKey);
}

/** The AuthenticationError `verify` refuses with; fails the test if it accepts. */
async function refusal(verifier: TokenVerifier, jwt: string): Promise<AuthenticationError> {
  const error = await verifier.verify(jwt).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  const e = error as AuthenticationError;
  expect(e.code).toBe('UNAUTHENTICATED');
  if (jwt.length > 10) expect(e.message).not.toContain(jwt);
  return e;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TokenVerifier', () => {
  it('accepts a valid token and reads the Principal (roles from realm_access.roles, organizations)', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    expect(await verifier.verify(await token({ jti: 'j-1' }))).toEqual({
      subject: 'user-1',
      name: 'erika',
      roles: ['contributor', 'reviewer'],
      organizations: ['org:land-hamburg'],
      tokenId: 'j-1',
    });
    expect(jwksFetches).toBe(1);
  });

  it('refuses an expired token beyond the skew and accepts one within it', async () => {
    const verifier = await TokenVerifier.create(settings({ clockSkewS: 30 }), { log });
    const expired = await refusal(verifier, await token({ iat: now() - 600, exp: now() - 60 }));
    expect(expired.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'expired' });
    expect(expired.message).toMatch(/has expired; get a new token from the issuer/);
    await expect(verifier.verify(await token({ iat: now() - 600, exp: now() - 10 }))).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('refuses a token whose nbf lies in the future', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const e = await refusal(verifier, await token({ nbf: now() + 120 }));
    expect(e.details).toEqual({ reason: 'not_yet_valid' });
    expect(e.message).toMatch(/not valid yet/);
  });

  it('refuses a wrong audience and a wrong issuer, naming the expected one', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const aud = await refusal(verifier, await token({ aud: 'another-api' }));
    expect([aud.details.reason, aud.message]).toEqual(['wrong_audience', expect.stringContaining('"dstack-graph"')]);
    const iss = await refusal(verifier, await token({ iss: 'https://evil.example' }));
    expect([iss.details.reason, iss.message]).toEqual(['wrong_issuer', expect.stringContaining(`not issued by ${issuer}`)]);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: issuer, aud: 'dstack-graph', sub: 'user-1', exp: now() + 300 })}.`;
    expect((await refusal(verifier, unsigned)).details.reason).toBe('algorithm_not_allowed');
  });

  it('refuses a token MACed (HS256) with the RSA public key as the secret', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    published = [{ ...(await exportJWK(publicKey)), kid: 'a' }];
    const secret = new TextEncoder().encode(await exportSPKI(publicKey));
    const forged = await new SignJWT({ iss: issuer, aud: 'dstack-graph', sub: 'admin', exp: now() + 300, realm_access: { roles: ['admin'] } })
      .setProtectedHeader({ alg: 'HS256', kid: 'a' })
      .sign(secret);
    const e = await refusal(verifier, forged);
    expect(e.details.reason).toBe('algorithm_not_allowed');
    expect(e.message).toMatch(/only RS256, PS256, ES256, EdDSA/);
  });

  it('refuses a token signed by another key under a published key id', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const forged = await new SignJWT({ iss: issuer, aud: 'dstack-graph', sub: 'user-1', exp: now() + 300 }).setProtectedHeader({ alg: 'RS256', kid: 'a' }).sign(keys.b!.privateKey);
    expect((await refusal(verifier, forged)).details.reason).toBe('bad_signature');
  });

  it('fetches the key set again for an unknown key id, at most once per cooldown', async () => {
    const verifier = await TokenVerifier.create(settings({ jwksCooldownS: 1 }), { log });
    await verifier.verify(await token());
    expect(jwksFetches).toBe(1);
    const rotated = await token({}, 'b');
    expect((await refusal(verifier, rotated)).details.reason).toBe('unknown_key');
    published = [keys.a!.jwk, keys.b!.jwk];
    await refusal(verifier, rotated); // still within the cooldown: no fetch
    expect(jwksFetches).toBe(1);
    await sleep(1100);
    await expect(verifier.verify(rotated)).resolves.toMatchObject({ subject: 'user-1' });
    expect(jwksFetches).toBe(2);
    await sleep(1100);
    // Two unknown key ids within one cooldown: one fetch only.
    expect((await refusal(verifier, await token({}, 'c'))).details.reason).toBe('unknown_key');
    expect((await refusal(verifier, await token({}, 'd'))).details.reason).toBe('unknown_key');
    expect(jwksFetches).toBe(3);
  });

  it('calls malformed strings malformed', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    for (const bad of ['', 'abc', 'a.b.c', 'a.b', `${b64({ alg: 'RS256', kid: 'a' })}.not-json.sig`, `${b64({ alg: 'RS256', kid: 'a' })}.${b64('text')}.${'A'.repeat(342)}`]) {
      const e = await refusal(verifier, bad);
      expect([bad, e.details.reason]).toEqual([bad, expect.stringMatching(/^(malformed|bad_signature)$/)]);
    }
    expect((await refusal(verifier, 'abc')).message).toMatch(/not a well-formed signed JWT/);
  });

  it('refuses a token without sub or without exp', async () => {
    const verifier = await TokenVerifier.create(settings(), { log });
    const noSub = await refusal(verifier, await token({ sub: undefined }));
    expect([noSub.details.reason, noSub.message]).toEqual(['missing_claim', expect.stringContaining('`sub`')]);
    expect((await refusal(verifier, await token({ exp: undefined }))).details.reason).toBe('missing_claim');
  });

  it('says the keys cannot be read when the key set is unreachable, and logs it', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    log.warn.mockClear();
    const verifier = await TokenVerifier.create(settings({ jwksUri: `http://127.0.0.1:${port}/jwks` }), { log });
    const e = await refusal(verifier, await token());
    expect([e.details.reason, e.message]).toEqual(['keys_unavailable', expect.stringContaining('try again shortly')]);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('takes its keys from a JWTVerifyGetKey given to the constructor', async () => {
    const verifier = new TokenVerifier(settings(), createLocalJWKSet({ keys: [keys.a!.jwk] }));
    await expect(verifier.verify(await token())).resolves.toMatchObject({ subject: 'user-1', roles: ['contributor', 'reviewer'] });
    expect(jwksFetches).toBe(0);
  });
});

describe('TokenVerifier.create: discovery', () => {
  it('finds jwks_uri in the issuer\'s discovery document', async () => {
    const verifier = await TokenVerifier.create(settings({ jwksUri: undefined }), { log });
    await expect(verifier.verify(await token())).resolves.toMatchObject({ subject: 'user-1' });
    expect(jwksFetches).toBe(1);
  });

  it('fails with the URL when discovery fails or names another issuer', async () => {
    await expect(TokenVerifier.create(settings({ issuer: `${issuer}/realms/none`, jwksUri: undefined }), { log })).rejects.toThrow(
      `OIDC discovery at ${issuer}/realms/none/.well-known/openid-configuration failed: HTTP 404`,
    );
    discovery = () => ({ issuer: 'https://elsewhere.example', jwks_uri: `${issuer}/jwks` });
    await expect(TokenVerifier.create(settings({ jwksUri: undefined }), { log })).rejects.toThrow(/names the issuer "https:\/\/elsewhere.example"/);
    discovery = (base) => ({ issuer: base });
    await expect(TokenVerifier.create(settings({ jwksUri: undefined }), { log })).rejects.toThrow(/has no valid jwks_uri/);
  });
});
