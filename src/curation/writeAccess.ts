import type { AuthConfig } from '../config';
import type { WriteAccessRecord } from './proposalRecord';

/** What `about { writes }` says for the auth settings (read-only without OIDC_ISSUER). */
export function writeAccessOf(auth: AuthConfig | undefined): WriteAccessRecord {
  const oidc = auth?.oidc ?? null;
  return {
    enabled: oidc !== null,
    issuer: oidc?.issuer ?? null,
    audience: oidc?.audience ?? null,
    readAccess: auth?.readAccess ?? 'public',
    writesPerMinute: oidc ? (auth?.writeRatePerMinute ?? 0) : 0,
    maxOperations: oidc ? (auth?.proposalMaxOperations ?? 0) : 0,
  };
}
