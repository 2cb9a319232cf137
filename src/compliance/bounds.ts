/**
 * The bounds of the compliance report's lists. Each constant has two users: the loader that never
 * returns more (src/compliance/loaders.ts) and the cost model that prices the list at it
 * (src/limits/prices.ts). Test: test/limits/listBounds.test.ts.
 */

/** Most requirements listed per group (MUSS, SOLL) of a compliance report; the group's counts count them all. */
export const COMPLIANCE_ITEM_LIMIT = 200;

/** Most unmet targets listed per compliance item (by name, then id). */
export const COMPLIANCE_MISSING_LIMIT = 50;
