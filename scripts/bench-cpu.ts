/**
 * `npm run bench:cpu`: measures the in-memory engines (what-if, severity, risks) per unit of work on
 * the graph of a running Neo4j (NEO4J_URI, NEO4J_PASSWORD), so their prices in src/limits/cpuPrices.ts
 * rest on figures. Each task runs on the biggest hubs (or services) in interleaved rounds; per origin
 * the fastest round counts (the least disturbed by other work on the machine), and the price follows
 * the worst origin: it prints its milliseconds, the microseconds per use edge and the points that
 * costs at the model's rate (CPU_POINTS_PER_MS), beside the price the API charges.
 */
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { loadCypher } from '../src/neo4j/cypher';
import { Db } from '../src/neo4j/db';
import { createDriver } from '../src/neo4j/driver';
import { declaredQueries } from '../src/neo4j/query';
import { CPU_POINTS_PER_MS, cpuPrice } from '../src/limits/cpuPrices';
import { readWhatIfRows } from '../src/whatif/loaders';
import { buildWhatIfModel, whatIfTasks } from '../src/whatif/tasks';

/** Every list of a what-if, as a query that selects them all gets them. */
const ALL = { changes: true, requirements: true, groups: true };
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger({ ...config, logLevel: 'warn' });
  const password = process.env.NEO4J_PASSWORD ?? '';
  const driver = createDriver({ uri: config.neo4j.uri ?? 'bolt://127.0.0.1:7687', user: config.neo4j.user, password, log });
  const db = new Db(driver, config.neo4j.database, loadCypher(declaredQueries()));
  try {
    const rows = await readWhatIfRows(db);
    const model = buildWhatIfModel(rows, 0);
    const edges = model.edgeCount;
    const hubs = [...model.graph.consumersOf].sort((a, b) => b[1].length - a[1].length).slice(0, 12).map(([id]) => id);
    const today = new Date().toISOString().slice(0, 10);
    const services = [...model.graph.labelOf].filter(([, l]) => l === 'Service').slice(0, 12).map(([id]) => id);
    const time = (f: () => unknown): number => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const rounds = 5;
    // Per task and origin, the fastest of the rounds.
    const best = new Map<string, Map<string, number>>();
    const note = (task: string, origin: string, ms: number): void => {
      const m = best.get(task) ?? new Map<string, number>();
      m.set(origin, Math.min(m.get(origin) ?? Infinity, ms));
      best.set(task, m);
    };
    for (let r = 0; r < rounds; r++) {
      // Interleaved, so that a noisy neighbour hits every task alike.
      for (const hub of hubs) {
        note('simulate', hub, time(() => whatIfTasks.simulate(model, { removals: [hub], replacements: [], today, wants: ALL })));
        note('severity', hub, time(() => whatIfTasks.severity(model, { origin: hub, maxDepth: 6 })));
      }
      for (const s of services) note('risks', s, time(() => whatIfTasks.risks(model, { serviceId: s, maxDepth: 6, today })));
      for (const kind of ['steward_outside_eu', 'criterion_not_met', 'licence_proprietary', 'lifecycle_hold'] as const) {
        note('riskReach', kind, time(() => whatIfTasks.riskReach(model, { kind, item: null, maxDepth: 6, today })));
      }
    }
    console.log(`use graph: ${edges} edges; ${rounds} rounds over ${hubs.length} hubs and ${services.length} services; rate ${CPU_POINTS_PER_MS} points per ms`);
    console.log('task       median ms  worst ms  worst origin            µs per edge (worst)  points (worst)  priced at');
    for (const [task, m] of best) {
      const xs = [...m.values()];
      const [worstOrigin, worst] = [...m].sort((a, b) => b[1] - a[1])[0] as [string, number];
      console.log(
        `${task.padEnd(10)} ${median(xs).toFixed(1).padStart(9)} ${worst.toFixed(1).padStart(9)}  ${worstOrigin.slice(0, 22).padEnd(22)} ${((worst * 1000) / edges).toFixed(3).padStart(20)} ${String(Math.round(worst * CPU_POINTS_PER_MS)).padStart(15)} ${String(cpuPrice(task as never, edges)).padStart(10)}`,
      );
    }
  } finally {
    await driver.close();
  }
}

void main();
