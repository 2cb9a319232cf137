/**
 * The bounds of the provenance lists. Each constant has two users: the code that never returns more
 * (src/provenance/) and the cost model that prices the list at it (src/limits/prices.ts). The SDL
 * of each field says what happens at its bound. Test: test/limits/listBounds.test.ts.
 */

/** Most citations a `sources` list holds (in the order stated); more are left out. */
export const CITATION_LIMIT = 20;

/** Largest page of `Source.facts` (`first`, 1..FACTS_PAGE_MAX) and its default. */
export const FACTS_PAGE_MAX = 1000;
export const FACTS_PAGE_DEFAULT = 100;

/** Most topics and levels a coverage lists (by name); more are left out. */
export const COVERAGE_TOPIC_LIMIT = 50;
export const COVERAGE_LEVEL_LIMIT = 10;
