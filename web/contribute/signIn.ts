import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { SignInConfig } from '../shared/pageConfig';

/** Who is signed in, as the page shows it; the API checks the token itself on every write. */
export interface Session {
  readonly name: string;
  readonly accessToken: string;
  /** Realm roles from the access token's `realm_access.roles` (contributor, reviewer, admin). */
  readonly roles: readonly string[];
  /** The organisations the ID token's `organization` claim names (org:...). */
  readonly organizations: readonly string[];
  /** When the access token expires (ms since the epoch), when known. */
  readonly expiresAt: number | null;
}

/** The payload of a JWT, not verified: only to show roles (the API verifies the token). */
function jwtPayload(token: string): Record<string, unknown> {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

function sessionOf(user: User): Session {
  const access = jwtPayload(user.access_token);
  const profile = user.profile as Record<string, unknown>;
  return {
    name: String(profile.name ?? profile.preferred_username ?? profile.sub ?? 'signed in'),
    accessToken: user.access_token,
    roles: strings((access.realm_access as { roles?: unknown } | undefined)?.roles),
    organizations: strings(profile.organization ?? access.organization),
    expiresAt: user.expires_at ? user.expires_at * 1000 : null,
  };
}

/**
 * Sign-in with OpenID Connect, authorization code with PKCE (oidc-client-ts): the browser goes to
 * the identity provider and comes back to /contribute with a code, which is exchanged for tokens.
 */
export class SignIn {
  private readonly manager: UserManager;
  private user: User | null = null;

  constructor(config: SignInConfig) {
    const here = `${location.origin}/contribute`;
    this.manager = new UserManager({
      authority: config.issuer,
      client_id: config.clientId,
      redirect_uri: here,
      post_logout_redirect_uri: here,
      response_type: 'code',
      scope: 'openid profile',
      // Tokens live in this page's memory only: a reload or a closed tab forgets them, and no other
      // script or tab can read them from storage.
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      // The state and the PKCE code verifier must outlive the round trip to the identity provider (a
      // full page load), so they stay in this tab's sessionStorage. They are no tokens (the verifier
      // is worthless without the one-time code) and are removed when the callback is handled.
      stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: 'dstack-graph.oidc.' }),
      // Before the access token expires, a new one is fetched with the refresh token (held in memory
      // like the others); when that fails, the page asks to sign in again.
      automaticSilentRenew: true,
      monitorSession: false,
      loadUserInfo: false,
    });
    this.manager.events.addUserLoaded((user) => {
      this.user = user;
    });
  }

  /** Calls `cb` when the sign-in ran out: the access token expired and could not be renewed. */
  onExpired(cb: () => void): void {
    this.manager.events.addAccessTokenExpired(cb);
    this.manager.events.addSilentRenewError(cb);
  }

  /**
   * Handles a return from the identity provider (`?code=&state=` or `?error=&state=`): exchanges the
   * code, keeps the tokens in memory and removes the parameters from the address. Null when this
   * load is no such return (or the return from signing out); throws the provider's or the exchange's
   * error.
   */
  async completeSignIn(): Promise<Session | null> {
    const params = new URLSearchParams(location.search);
    if (!params.has('state')) {
      await this.manager.clearStaleState();
      return null;
    }
    if (!params.has('code') && !params.has('error')) {
      // Back from ending the session at the identity provider (signOut): drop its state.
      try {
        await this.manager.signoutRedirectCallback(location.href);
      } catch {
        // an unknown or stale state: nothing to undo
      } finally {
        history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
      }
      return null;
    }
    try {
      this.user = await this.manager.signinRedirectCallback(location.href);
      return sessionOf(this.user);
    } finally {
      history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
    }
  }

  /** The signed-in session, or null. */
  get session(): Session | null {
    return this.user ? sessionOf(this.user) : null;
  }

  /** Goes to the identity provider's login page (the page comes back to /contribute). */
  signIn(): Promise<void> {
    return this.manager.signinRedirect();
  }

  /**
   * Forgets the tokens; with `endSession` also ends the session at the identity provider (a redirect
   * there and back), so that the next sign-in asks for a password again.
   */
  async signOut(endSession: boolean): Promise<void> {
    const idToken = this.user?.id_token;
    this.user = null;
    await this.manager.removeUser();
    if (endSession && idToken) await this.manager.signoutRedirect({ id_token_hint: idToken });
  }
}
