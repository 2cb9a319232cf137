import { AppError, AuthenticationError } from '../errors';
import type { Actor } from '../curation/Actor';
import { bearerToken, type TokenVerifier } from './TokenVerifier';

/**
 * The actor of a request from its `Authorization` header: the verified principal, or the refusal of
 * a token that was presented but is not valid (kept, so that a write attempt with it is audited and
 * refused UNAUTHENTICATED). Without a verifier (no sign-in configured) every request is anonymous.
 */
export async function actorOf(authorization: string | undefined, verifier: TokenVerifier | undefined, requestId: string): Promise<Actor> {
  const signInEnabled = verifier !== undefined;
  const token = bearerToken(authorization);
  if (token === null) return { principal: null, tokenError: null, signInEnabled, requestId };
  if (!verifier) {
    return { principal: null, tokenError: new AuthenticationError('This server has no sign-in configured (OIDC_ISSUER), so it takes no tokens; send the request without `Authorization`.', { reason: 'no_sign_in' }), signInEnabled, requestId };
  }
  if (token === 'malformed') {
    return { principal: null, tokenError: new AuthenticationError('The Authorization header must be `Bearer <token>` (a JWT of the issuer); other schemes and cookies are not accepted.', { reason: 'malformed' }), signInEnabled, requestId };
  }
  try {
    return { principal: await verifier.verify(token), tokenError: null, signInEnabled, requestId };
  } catch (e) {
    if (e instanceof AppError) return { principal: null, tokenError: e, signInEnabled, requestId };
    throw e;
  }
}
