import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_EDGE_LIMIT } from '../src/explore/bounds';

/** Runs a statement of bench/cypher/ and returns plain rows. */
export type RunPick = (cypher: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** Reads bench/cypher/<name>.cypher. */
export function readPickCypher(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'cypher', `${name}.cypher`), 'utf8');
}

/**
 * How many components reach `origin` over DEPENDS_ON within `maxDepth` hops (the origin not
 * counted), counting at most `cap` of them. `dependentsOf` maps a component to those depending on it.
 */
export function transitiveDependents(dependentsOf: ReadonlyMap<string, readonly string[]>, origin: string, maxDepth: number, cap = Infinity): number {
  const seen = new Set<string>([origin]);
  let frontier = [origin];
  let count = 0;
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const d of dependentsOf.get(id) ?? []) {
        if (seen.has(d)) continue;
        seen.add(d);
        next.push(d);
        if (++count >= cap) return count;
      }
    }
    frontier = next;
  }
  return count;
}

/** The mid-sized origin: its id, its transitive dependents and the number aimed at. */
export interface MidPick {
  readonly id: string;
  readonly dependents: number;
  readonly target: number;
}

/**
 * The component whose number of transitive dependents (within `maxDepth`) is closest to `share` of
 * all components; ties go to the smallest id. Counting stops above twice the target, which cannot
 * change the winner (anything beyond is farther away than a component with none).
 */
export function pickMid(dependentsOf: ReadonlyMap<string, readonly string[]>, share = 0.02, maxDepth = 6): MidPick {
  const ids = [...dependentsOf.keys()].sort();
  if (ids.length === 0) throw new Error('the graph has no component to pick a mid-sized origin from');
  const target = share * ids.length;
  const cap = Math.floor(2 * target) + 1;
  let best: MidPick | undefined;
  for (const id of ids) {
    const n = transitiveDependents(dependentsOf, id, maxDepth, cap);
    if (!best || Math.abs(n - target) < Math.abs(best.dependents - target)) best = { id, dependents: n, target };
  }
  return best as MidPick;
}

/** The first candidate whose 2-hop neighbourhood holds fewer than `limit` nodes. */
export async function pickSubgraphId(candidates: readonly string[], size: (id: string) => Promise<number>, limit = 5000): Promise<{ id: string; nodes: number }> {
  const tried: string[] = [];
  for (const id of [...new Set(candidates)]) {
    const nodes = await size(id);
    if (nodes < limit) return { id, nodes };
    tried.push(`${id} (${nodes})`);
  }
  throw new Error(`no candidate for the subgraph query has a 2-hop neighbourhood under ${limit} nodes: ${tried.join(', ')}`);
}

/** What was picked and why, for the report. */
export interface Picks {
  readonly hub: string;
  readonly hubReason: string;
  readonly mid: MidPick;
  readonly subgraph: { id: string; nodes: number };
  readonly service: { id: string; requirements: number };
}

/**
 * Picks the ids of the mix deterministically: the hub (the generator's heaviest hub when given,
 * else the component with the most incoming DEPENDS_ON and USES), the mid-sized origin, a subgraph
 * origin (hub, mid, bundid or the components nearest the mid-sized target, the first under 5,000
 * nodes and 5,000 relationships at depth 2) and the compliance service.
 */
export async function pickParams(run: RunPick, generatorHubs: readonly string[] = []): Promise<Picks> {
  const byDegree = await run(readPickCypher('hubByDegree'));
  const degreeHub = String(byDegree[0]?.id ?? '');
  const hub = generatorHubs[0] ?? degreeHub;
  if (!hub) throw new Error('the graph has no component to use as a hub');
  const hubReason = generatorHubs[0] ? "the generator's heaviest hub" : `most incoming DEPENDS_ON + USES (${String(byDegree[0]?.degree)})`;
  const dependentsOf = new Map<string, string[]>();
  for (const r of await run(readPickCypher('dependsOnEdges'))) dependentsOf.set(String(r.to), (r.from as unknown[]).map(String));
  const mid = pickMid(dependentsOf);
  // A neighbourhood with more edges than a subgraph answer holds would be cut (`truncated`) and then
  // differ from the raw Cypher it is compared with: it counts as too big.
  const sizeOf = async (id: string): Promise<number> => {
    const row = (await run(readPickCypher('neighbourhoodSize'), { id }))[0];
    return row && Number(row.edges) < SUBGRAPH_EDGE_LIMIT ? Number(row.nodes) : Infinity;
  };
  // Then, when hub and mid are both too big, the 10 components nearest to the mid-sized target by
  // their number of direct dependents, then the 20 with the fewest (but some) dependents.
  const byDependents = [...dependentsOf.entries()].map(([id, deps]) => ({ id, n: deps.length }));
  const nearMid = [...byDependents].sort((a, b) => Math.abs(a.n - mid.target) - Math.abs(b.n - mid.target) || a.id.localeCompare(b.id)).slice(0, 10);
  const fewest = byDependents.filter((x) => x.n > 0).sort((a, b) => a.n - b.n || a.id.localeCompare(b.id)).slice(0, 20);
  const subgraph = await pickSubgraphId([hub, mid.id, 'bundid', ...[...nearMid, ...fewest].map((x) => x.id)], sizeOf);
  const svc = (await run(readPickCypher('complianceService')))[0];
  if (!svc) throw new Error('no service has a requirement applying to it or to what it uses');
  return { hub, hubReason, mid, subgraph, service: { id: String(svc.id), requirements: Number(svc.requirements) } };
}
