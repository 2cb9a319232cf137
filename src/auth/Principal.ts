import { AuthenticationError } from '../errors';

/** The roles the API knows; a token's other role names carry no rights here. */
export const ROLES = ['contributor', 'reviewer', 'admin'] as const;

/** One of the roles the API knows. */
export type Role = (typeof ROLES)[number];

/** A signed-in caller as the API sees them: who, with which roles, for which organizations (graph ids). */
export interface Principal {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly organizations: readonly string[];
  /** The token's `jti`, when it has one. */
  readonly tokenId?: string;
}

/** Which claims of a token hold roles, organizations and the display name (see the OIDC_*_CLAIM keys). */
export interface ClaimNames {
  readonly rolesClaim: string;
  readonly organizationClaim: string;
  readonly nameClaim: string;
}

/**
 * The claim at `path`: a key that holds the whole path (`https://example.de/roles`) wins, else the
 * dotted path is walked (`realm_access.roles`); undefined when any step is missing.
 */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/** A string or a list of strings as a list of distinct non-empty strings; anything else is empty. */
function strings(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return [...new Set(list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The Principal of verified token claims; role names the API does not know are ignored. */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>, names: ClaimNames): Principal {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') {
    throw new AuthenticationError('The token names no subject (`sub`); get a new token from the issuer.', { reason: 'missing_claim' });
  }
  const name = claimAt(claims, names.nameClaim);
  const jti = claims.jti;
  return {
    subject,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim() : subject,
    roles: strings(claimAt(claims, names.rolesClaim)).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    organizations: strings(claimAt(claims, names.organizationClaim)),
    ...(typeof jti === 'string' && jti !== '' ? { tokenId: jti } : {}),
  };
}
