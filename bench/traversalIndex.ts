import { GraphQLRequestError } from './http';
import type { GraphQLRequest } from './mix';

/** What the API's `about { traversalIndex }` tells of its in-memory traversal index. */
export interface TraversalIndexInfo {
  readonly version: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly bytes: number;
  readonly buildMs: number;
}

/**
 * `available` false: the API's schema has no such field (a validation error: `reason` says so) or
 * the read failed (`reason` holds the error). `index` null: the field exists and is null (no index
 * built).
 */
export type TraversalIndexStatus = { readonly available: true; readonly index: TraversalIndexInfo | null } | { readonly available: false; readonly reason: string };

/** The document that asks for the index's figures. */
export const TRAVERSAL_INDEX_QUERY: GraphQLRequest = { query: '{ about { traversalIndex { version nodes relationships bytes buildMs } } }', variables: {} };

/**
 * Reads the traversal index's figures through the API; a schema without them (GraphQL validation
 * error) is "not available", not an error of the bench.
 */
export async function readTraversalIndex(post: (request: GraphQLRequest) => Promise<unknown>): Promise<TraversalIndexStatus> {
  let data: unknown;
  try {
    data = await post(TRAVERSAL_INDEX_QUERY);
  } catch (e) {
    if (e instanceof GraphQLRequestError && e.codes.includes('GRAPHQL_VALIDATION_FAILED')) return { available: false, reason: 'not available (the API has no about.traversalIndex)' };
    return { available: false, reason: `not available: ${(e as Error).message}` };
  }
  const t = (data as { about?: { traversalIndex?: Record<string, unknown> | null } } | null)?.about?.traversalIndex;
  if (!t) return { available: true, index: null };
  return {
    available: true,
    index: { version: String(t.version ?? '?'), nodes: Number(t.nodes), relationships: Number(t.relationships), bytes: Number(t.bytes), buildMs: Number(t.buildMs) },
  };
}
