/**
 * The bounds of the exploring answers' lists that take no `first`. Each constant has two users: the
 * loader that never returns more (src/explore/loaders.ts) and the cost model that prices the list at
 * it (src/limits/prices.ts). The SDL of each field says what happens at its bound. Test:
 * test/limits/listBounds.test.ts.
 */

/** Largest `maxDepth` of path; a path holds at most one node more. */
export const PATH_MAX_DEPTH = 10;

/** Largest `depth` of a subgraph. */
export const SUBGRAPH_MAX_DEPTH = 3;

/** Most nodes a subgraph answer holds; a larger neighbourhood is cut breadth first (`truncated`). */
export const SUBGRAPH_NODE_LIMIT = 5000;

/** Most edges a subgraph answer holds; a denser neighbourhood is cut breadth first (`truncated`). */
export const SUBGRAPH_EDGE_LIMIT = 5000;
