/**
 * The bounds of the stack answers' lists that take no `first`. Each constant has two users: the
 * loader or statement that never returns more (src/stacks/loaders.ts, cypher/stacks/*.cypher) and the
 * cost model that prices the list at it (src/limits/prices.ts). Test: test/limits/listBounds.test.ts.
 */

/** Most stacks a compatibility matrix compares (more `stackIds` are BAD_USER_INPUT): its stacks and each row's cells. */
export const COMPATIBILITY_STACK_LIMIT = 30;

/** Most rows of a compatibility matrix (by name, then id); beyond it the matrix is cut (`truncated`). */
export const COMPATIBILITY_ROW_LIMIT = 500;

/** Most statuses per adoption row (by status); `organizations` counts them all. */
export const ADOPTION_STATUS_LIMIT = 20;
