import type { AuthConfig, OidcConfig } from '../config';
import type { WriteAccessRecord } from './proposalRecord';

/** What `about { writes }` says for the auth settings and the issuer in use (read-only without one). */
export function writeAccessOf(auth: AuthConfig | undefined, oidc: OidcConfig | null = auth?.oidc ?? null): WriteAccessRecord {
  return {
    enabled: oidc !== null,
    issuer: oidc?.issuer ?? null,
    audience: oidc?.audience ?? null,
    readAccess: auth?.readAccess ?? 'public',
    writesPerMinute: oidc ? (auth?.writeRatePerMinute ?? 30) : 0,
    maxOperations: oidc ? (auth?.proposalMaxOperations ?? 500) : 0,
  };
}
