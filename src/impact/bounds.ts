/**
 * The bounds of the traversal answers' lists that take no `first`. Each constant has two users: the
 * loader or statement that never returns more (src/impact/loaders.ts, cypher/impact/*.cypher) and the
 * cost model that prices the list at it (src/limits/prices.ts). The SDL of each field says what
 * happens at its bound. Test: test/limits/listBounds.test.ts.
 */

/** Largest `maxDepth` of impactAnalysis, dependencies and path; a chain holds at most one node more. */
export const MAX_DEPTH = 10;

/** Most nodes a subgraph answer holds; a larger neighbourhood is cut breadth first (`truncated`). */
export const SUBGRAPH_NODE_LIMIT = 5000;

/** Most edges a subgraph answer holds; a denser neighbourhood is cut breadth first (`truncated`). */
export const SUBGRAPH_EDGE_LIMIT = 5000;

/** Most stacks a compatibility matrix compares (more `stackIds` are BAD_USER_INPUT): its stacks and each row's cells. */
export const COMPATIBILITY_STACK_LIMIT = 30;

/** Most rows of a compatibility matrix (by name, then id); beyond it the matrix is cut (`truncated`). */
export const COMPATIBILITY_ROW_LIMIT = 500;

/** Most entries of a dependency tree (nearest first, then by name and id); beyond it the tree is cut (`truncated`). */
export const DEPENDENCY_ENTRY_LIMIT = 1000;

/** Most requirements listed per group (MUSS, SOLL) of a compliance report; the group's counts count them all. */
export const COMPLIANCE_ITEM_LIMIT = 200;

/** Most unmet targets listed per compliance item (by name, then id). */
export const COMPLIANCE_MISSING_LIMIT = 50;

/** Most groups per summary list of nodes (layers, topics, life situations), the largest first; the totals count them all. */
export const SUMMARY_GROUP_LIMIT = 200;

/** Most groups per summary list of levels (executing levels, organisation levels), the largest first. */
export const SUMMARY_LEVEL_LIMIT = 20;

/** Most statuses per adoption row (by status); `organizations` counts them all. */
export const ADOPTION_STATUS_LIMIT = 20;

/** Keeps at most `limit` items of a list already in the order the SDL states. */
export function cut<T>(items: readonly T[], limit: number): T[] {
  return items.length > limit ? items.slice(0, limit) : [...items];
}
