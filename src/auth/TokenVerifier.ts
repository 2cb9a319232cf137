import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../config';
import { AuthenticationError } from '../errors';
import type { Logger } from '../logger';
import { principalFromClaims, type Principal } from './Principal';

/** A `fetch` as the verifier uses it (discovery and the key set); tests and proxies may pass their own. */
export type FetchImpl = (url: string, init: { headers: Headers; method: 'GET'; redirect: 'manual'; signal: AbortSignal }) => Promise<Response>;

/** Where a verifier logs: key-set troubles that are the issuer's fault, not the caller's. */
export type VerifierLog = Pick<Logger, 'info' | 'warn'>;

const DISCOVERY_TIMEOUT_MS = 10_000;
const KEYS_MAX_AGE_MS = 10 * 60_000;
const AGAIN = 'get a new token from the issuer (sign in again) and send it as `Authorization: Bearer <token>`';

/**
 * The token of an `Authorization` header: null when there is none, 'malformed' for any other scheme
 * than Bearer (case-insensitive) or a token that is not a single b64token (RFC 6750).
 */
export function bearerToken(authorizationHeader: string | undefined): string | null | 'malformed' {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') return null;
  const match = /^\s*Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorizationHeader);
  return match?.[1] ?? 'malformed';
}

/** Checks bearer JWTs of the OIDC issuer (signature by its keys, issuer, audience, times) and reads the Principal. */
export class TokenVerifier {
  /** A verifier whose keys come from `getKey`; `create` makes one that fetches the issuer's key set. */
  constructor(
    /** The settings tokens are checked against. */
    readonly oidc: OidcConfig,
    private readonly getKey: JWTVerifyGetKey,
    private readonly log?: VerifierLog,
  ) {}

  /** A verifier for the issuer's remote key set; finds its address by discovery when OIDC_JWKS_URI is unset. */
  static async create(oidc: OidcConfig, options: { fetchImpl?: FetchImpl; log: VerifierLog }): Promise<TokenVerifier> {
    const fetchImpl: FetchImpl = options.fetchImpl ?? ((url, init) => fetch(url, init));
    const jwksUri = oidc.jwksUri ?? (await discoverJwksUri(oidc.issuer, fetchImpl));
    options.log.info({ issuer: oidc.issuer, jwksUri, cooldownS: oidc.jwksCooldownS }, 'OIDC sign-in on: tokens are checked against the issuer\'s keys');
    const jwks = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: oidc.jwksCooldownS * 1000, cacheMaxAge: KEYS_MAX_AGE_MS, [customFetch]: fetchImpl });
    return new TokenVerifier(oidc, jwks, options.log);
  }

  /** The Principal of a valid token; any fault is an AuthenticationError that says what was wrong, never the token. */
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.getKey, {
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        algorithms: [...this.oidc.algorithms],
        clockTolerance: this.oidc.clockSkewS,
        requiredClaims: ['exp', 'sub'],
      });
      return principalFromClaims(payload, this.oidc);
    } catch (e) {
      if (e instanceof AuthenticationError) throw e;
      const refusal = refusalOf(e, this.oidc);
      if (refusal.reason === 'keys_unavailable') this.log?.warn({ err: e, issuer: this.oidc.issuer }, 'the issuer\'s key set could not be read');
      throw new AuthenticationError(refusal.message, { reason: refusal.reason });
    }
  }
}

/** The client-safe words for a failed check: what was wrong and what to do. */
function refusalOf(e: unknown, oidc: OidcConfig): { reason: string; message: string } {
  if (e instanceof errors.JWTExpired) return { reason: 'expired', message: `The token has expired; ${AGAIN}.` };
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'nbf') return { reason: 'not_yet_valid', message: `The token is not valid yet (its \`nbf\` lies in the future); check the clocks, or ${AGAIN}.` };
    if (e.claim === 'iss') return { reason: 'wrong_issuer', message: `The token was not issued by ${oidc.issuer}; ${AGAIN}.` };
    if (e.claim === 'aud') return { reason: 'wrong_audience', message: `The token is not meant for this API (its \`aud\` lacks "${oidc.audience}"); ${AGAIN} for this API.` };
    if (e.reason === 'missing') return { reason: 'missing_claim', message: `The token lacks the required claim \`${e.claim}\`; ${AGAIN}.` };
    return { reason: 'invalid_claim', message: `The token's claim \`${e.claim}\` is not valid; ${AGAIN}.` };
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return { reason: 'algorithm_not_allowed', message: `The token is signed with an algorithm this API does not accept (only ${oidc.algorithms.join(', ')}); ${AGAIN}.` };
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) return { reason: 'unknown_key', message: `The token is signed with a key the issuer does not publish; ${AGAIN}.` };
  if (e instanceof errors.JWSSignatureVerificationFailed) return { reason: 'bad_signature', message: `The token's signature is not valid; ${AGAIN}.` };
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid || e instanceof errors.JOSENotSupported || e instanceof errors.JWKInvalid) {
    return { reason: 'malformed', message: `The bearer token is not a well-formed signed JWT; ${AGAIN}.` };
  }
  return { reason: 'keys_unavailable', message: 'The token could not be checked: the issuer\'s signing keys cannot be read right now; try again shortly.' };
}

/** The issuer's `jwks_uri` from its discovery document; a failure names the URL and what went wrong. */
async function discoverJwksUri(issuer: string, fetchImpl: FetchImpl): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const fail = (why: string): Error => new Error(`OIDC discovery at ${url} failed: ${why}. Check OIDC_ISSUER, or set OIDC_JWKS_URI to skip discovery.`);
  let document: unknown;
  try {
    const response = await fetchImpl(url, { headers: new Headers({ accept: 'application/json' }), method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) throw fail(`HTTP ${response.status}`);
    document = await response.json();
  } catch (e) {
    throw e instanceof Error && e.message.startsWith('OIDC discovery') ? e : fail(e instanceof Error ? e.message : String(e));
  }
  const doc = (document ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
  // OpenID Connect Discovery 1.0, 4.3: the document's issuer must be the one asked for, exactly.
  if (doc.issuer !== issuer) throw fail(`it names the issuer "${String(doc.issuer)}", not "${issuer}"`);
  if (typeof doc.jwks_uri !== 'string' || !URL.canParse(doc.jwks_uri)) throw fail('it has no valid jwks_uri');
  return doc.jwks_uri;
}
