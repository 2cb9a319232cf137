import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** Codes that say the client asked for something wrong: logged at info, not as a server problem. */
const SERVER_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT', 'RESULT_TOO_LARGE', 'QUERY_TOO_LARGE']);

/**
 * Logs each GraphQL operation with its duration, cost, HTTP status and the error codes the client
 * received: debug on success, info for the client's own errors, warn for timeouts, outages and
 * oversized answers, error for masked internal errors.
 */
export function requestLoggerPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const t0 = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response }) {
          const ms = Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const entry = { operationName, ms, cost: contextValue.stats.cost, status: response.http.status ?? 200, ...(codes.length > 0 ? { codes } : {}) };
          if (codes.length === 0) contextValue.log.debug(entry, 'graphql operation');
          else if (codes.includes('INTERNAL_SERVER_ERROR')) contextValue.log.error(entry, 'graphql operation failed');
          else if (codes.some((c) => SERVER_CODES.has(c))) contextValue.log.warn(entry, 'graphql operation failed');
          else contextValue.log.info(entry, 'graphql operation refused');
        },
      };
    },
  };
}
