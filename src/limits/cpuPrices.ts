/**
 * Prices of the in-memory engines (what-if, severity, risks), measured instead of guessed. Their work
 * grows with the use graph (uses, needs and implementations: ~11,000 edges on the seed graph, ~1.3
 * million at `--scale 1`), so each is priced per edge of the graph they run on, at the rate of the
 * cost model: CPU_POINTS_PER_MS points per millisecond of work, the rate the traversals in Neo4j
 * are priced at (impactAnalysis of BundID: ~1,500 points for ~15 ms on the reference machine).
 * `npm run bench:cpu` prints the figures below for the graph at hand.
 */
export const CPU_POINTS_PER_MS = 100;

/**
 * Microseconds per use edge of each task for its worst origin, measured by `npm run bench:cpu` on the
 * seed graph (10,544 edges; 2-core machine, 2026-12-07, fastest of five interleaved rounds): simulate
 * 46.3 ms (the Portalverbund: 4.39 µs per edge), severity 30.4 ms (PVOG: 2.89), risks 0.1 ms (0.006),
 * riskReach 0.3 ms (0.033); rounded up.
 */
export const CPU_US_PER_EDGE = { simulate: 4.5, severity: 3, risks: 0.01, riskReach: 0.05 } as const;

export type CpuTask = keyof typeof CPU_US_PER_EDGE;

/** Edges of the seed graph's use graph: the size assumed until a model has been read. */
export const SEED_USE_EDGES = 11_000;

/** The points of one run of `task` on a use graph of `edges` edges; at least 10. */
export function cpuPrice(task: CpuTask, edges: number): number {
  return Math.max(10, Math.ceil(((edges * CPU_US_PER_EDGE[task]) / 1000) * CPU_POINTS_PER_MS));
}
