import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { TokenVerifier } from '../../src/auth/TokenVerifier';
import type { OidcConfig } from '../../src/config';

/** Who a locally signed token speaks for. */
export interface TokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles?: readonly string[];
  readonly organizations?: readonly string[];
}

/** An issuer of this test process: signs tokens with its own RSA key, and a verifier that trusts it. */
export interface LocalIssuer {
  readonly oidc: OidcConfig;
  readonly verifier: TokenVerifier;
  token(claims: TokenClaims, options?: { expiresInS?: number }): Promise<string>;
}

/** Makes a local issuer (Keycloak's claim layout: realm_access.roles, organization, preferred_username). */
export async function localIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'local-1', alg: 'RS256', use: 'sig' };
  const oidc: OidcConfig = {
    issuer: 'http://127.0.0.1/realms/local-test',
    audience: 'dstack-graph',
    jwksUri: undefined,
    rolesClaim: 'realm_access.roles',
    organizationClaim: 'organization',
    nameClaim: 'preferred_username',
    algorithms: ['RS256'],
    clockSkewS: 30,
    jwksCooldownS: 30,
  };
  const verifier = new TokenVerifier(oidc, createLocalJWKSet({ keys: [jwk] }));
  return {
    oidc,
    verifier,
    token: (c, options) =>
      new SignJWT({ preferred_username: c.name ?? c.sub, realm_access: { roles: [...(c.roles ?? [])] }, organization: [...(c.organizations ?? [])] })
        .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
        .setIssuer(oidc.issuer)
        .setAudience(oidc.audience)
        .setSubject(c.sub)
        .setIssuedAt()
        .setExpirationTime(`${options?.expiresInS ?? 300}s`)
        .sign(privateKey),
  };
}
