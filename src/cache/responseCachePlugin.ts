import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { Context } from '../context';
import { answerKey, type ResponseCache } from './ResponseCache';

/** The header that says whether an answer came from the cache (`hit`), was stored (`miss`) or bypassed it. */
export const CACHE_HEADER = 'x-dstack-cache';

/**
 * Caches answers of queries keyed by the operation, its variables and the graph version, which
 * every committed change of the graph advances (src/system/graphVersion.ts). The version comes from
 * the request's `graphVersion` (src/system/GraphVersionWatcher.ts): no round trip on a hit while
 * the known version is fresh, so an answer reflects every change made more than
 * GRAPH_VERSION_MAX_AGE_MS ago by any process, and every change of this process at once. A
 * request with `Cache-Control: no-cache` or `no-store` bypasses the cache; answers with errors are
 * not stored. The cache runs after validation and the limits, so a refused query stays refused.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | null = null;
      return {
        async responseForOperation(rc: GraphQLRequestContext<Context>) {
          if (rc.operation?.operation !== 'query' || bypass(rc) || selectsUncacheable(rc)) {
            rc.response.http.headers.set(CACHE_HEADER, 'bypass');
            return null;
          }
          let version: number;
          try {
            version = await rc.contextValue.graphVersion.current();
          } catch {
            // The operation itself will meet the same database and report what is wrong.
            return null;
          }
          key = answerKey(version, rc.contextValue.now().toISOString().slice(0, 10), rc.source ?? '', rc.request.operationName, rc.request.variables);
          const hit = cache.get(key);
          if (hit === undefined) {
            rc.response.http.headers.set(CACHE_HEADER, 'miss');
            return null;
          }
          rc.response.http.headers.set(CACHE_HEADER, 'hit');
          // An answer from the cache costs next to nothing: the client gets its price back.
          if (rc.contextValue.stats.cost) rc.contextValue.budgets?.refund(rc.contextValue.client, rc.contextValue.stats.cost);
          return { body: { kind: 'single', singleResult: hit as never }, http: rc.response.http };
        },
        async willSendResponse(rc) {
          if (!key || rc.response.http.headers.get(CACHE_HEADER) !== 'miss') return;
          if (rc.response.body.kind !== 'single') return;
          const result = rc.response.body.singleResult;
          if (result.errors && result.errors.length > 0) return;
          cache.set(key, result);
        },
      };
    },
  };
}

/**
 * Root fields whose answers describe the running system or the state of requests rather than the
 * graph, and so can change without a new graph version (a proposal filed, a comment, a delivery):
 * never cached.
 */
const UNCACHEABLE_ROOT_FIELDS = new Set([
  'about',
  'proposals',
  'proposal',
  'curationConflicts',
  'auditLog',
  'inclusionRequests',
  'inclusionRequest',
  'notIncluded',
  'exceptionRequests',
  'adoptionReports',
  'webhookDeliveries',
]);

function selectsUncacheable(rc: GraphQLRequestContext<Context>): boolean {
  return (rc.operation?.selectionSet.selections ?? []).some((s) => s.kind !== 'Field' || UNCACHEABLE_ROOT_FIELDS.has(s.name.value));
}

function bypass(rc: GraphQLRequestContext<Context>): boolean {
  const header = rc.request.http?.headers.get('cache-control') ?? '';
  return /no-cache|no-store/i.test(header);
}
