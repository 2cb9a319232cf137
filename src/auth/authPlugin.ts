import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { AppError } from '../errors';

const CHALLENGE = { 'www-authenticate': 'Bearer' };

/**
 * Reads need no token unless READ_ACCESS=authenticated; a token that is presented must be valid
 * (HTTP 401 UNAUTHENTICATED otherwise). Mutations are left to their resolvers, which refuse and
 * audit every attempt (src/curation).
 */
export function authPlugin(readAccess: 'public' | 'authenticated'): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (rc.operation?.operation === 'mutation') return;
          const { actor } = rc.contextValue;
          if (actor.tokenError) throw new AppError('UNAUTHENTICATED', actor.tokenError.message, actor.tokenError.details, 401, CHALLENGE);
          if (readAccess === 'authenticated' && !actor.principal) {
            throw new AppError('UNAUTHENTICATED', 'This server answers signed-in users only (READ_ACCESS=authenticated): send a token of the issuer as `Authorization: Bearer <token>`.', { reason: 'no_token' }, 401, CHALLENGE);
          }
        },
      };
    },
  };
}
