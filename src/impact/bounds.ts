/**
 * The bounds of the impact answers' lists that take no `first`. Each constant has two users: the
 * loader or statement that never returns more (src/impact/loaders.ts, src/impact/reportFromRow.ts,
 * cypher/impact/*.cypher) and the cost model that prices the list at it (src/limits/prices.ts). The
 * SDL of each field says what happens at its bound. Test: test/limits/listBounds.test.ts.
 */

/** Largest `maxDepth` of impactAnalysis and dependencies; a chain holds at most one node more. */
export const MAX_DEPTH = 10;

/** Most entries of a dependency tree (nearest first, then by name and id); beyond it the tree is cut (`truncated`). */
export const DEPENDENCY_ENTRY_LIMIT = 1000;

/** Most groups per summary list of nodes (layers, topics, life situations), the largest first; the totals count them all. */
export const SUMMARY_GROUP_LIMIT = 200;

/** Most groups per summary list of levels (executing levels, organisation levels), the largest first. */
export const SUMMARY_LEVEL_LIMIT = 20;
