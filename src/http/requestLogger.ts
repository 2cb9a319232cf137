import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** Logs each GraphQL operation with its duration and error codes (debug on success, warn on errors). */
export function requestLoggerPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const t0 = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          if (codes && codes.length > 0) contextValue.log.warn({ operationName, ms, codes }, 'graphql operation failed');
          else contextValue.log.debug({ operationName, ms }, 'graphql operation');
        },
      };
    },
  };
}
