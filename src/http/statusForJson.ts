import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';

/** Errors of the request itself, before any field ran: the document or its variables are wrong. */
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only the legacy `application/json` (not
 * `application/graphql-response+json`) SHOULD get 200 for parse, validation and variable errors,
 * because such clients read the body, not the status. Apollo answers 400; this plugin gives 200 in
 * exactly that case and leaves every other answer (limits, outages, `*` / `*` clients) as it is.
 */
export function statusForJsonPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const accept = request.http?.headers.get('accept') ?? '';
      const legacyJsonOnly = /application\/json/.test(accept) && !/application\/graphql-response\+json/.test(accept);
      if (!legacyJsonOnly) return {};
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (data === undefined && errors && errors.length > 0 && errors.every((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
