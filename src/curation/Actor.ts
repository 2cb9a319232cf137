import type { Principal, Role } from '../auth/Principal';
import { AppError, AuthenticationError, ForbiddenError } from '../errors';

/**
 * Who sends a request, as the write side sees it: the verified principal, or why there is none
 * (no token, or a token that was refused), and the request's id for the audit.
 */
export interface Actor {
  readonly principal: Principal | null;
  /** The refusal of a token that was presented but not valid (kept for the audit of writes). */
  readonly tokenError: AppError | null;
  /** Whether sign-in is configured at all (OIDC_ISSUER). */
  readonly signInEnabled: boolean;
  readonly requestId: string;
}

/** The anonymous actor of a server without sign-in, or of tests. */
export function anonymous(requestId = 'local', signInEnabled = false): Actor {
  return { principal: null, tokenError: null, signInEnabled, requestId };
}

/** The principal when it holds `role` (or one of the roles listed); else UNAUTHENTICATED (no valid token) or FORBIDDEN (no such role). */
export function requireRole(actor: Actor, role: Role | readonly Role[], what: string): Principal {
  if (!actor.signInEnabled) throw new ForbiddenError(`This server is read-only: sign-in is not configured (OIDC_ISSUER), so nobody can ${what}.`, { reason: 'read_only' });
  if (actor.tokenError) throw actor.tokenError;
  const p = actor.principal;
  if (!p) throw new AuthenticationError(`To ${what}, sign in: send a token of the issuer as \`Authorization: Bearer <token>\`.`, { reason: 'no_token' });
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (!roles.some((r) => p.roles.includes(r))) throw new ForbiddenError(`To ${what} takes the role ${roles.join(' or ')}; your token has ${p.roles.length > 0 ? p.roles.join(', ') : 'no role of this API'}.`, { role: roles.join(',') });
  return p;
}
