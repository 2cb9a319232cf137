import type { SeedGraph } from '../../src/generate/plan';
import { buildGraph, defaultSources } from '../../src/seed/seed';

/** The generator's view of the shipped seed, read from the source files (what readSeedGraph reads from Neo4j). */
export function seedGraphFromSources(): SeedGraph {
  const graph = buildGraph(defaultSources());
  const layersOf = new Map<string, string[]>();
  for (const e of graph.edges) if (e.type === 'IN_LAYER') layersOf.set(e.from, [...(layersOf.get(e.from) ?? []), e.to]);
  const services = new Map(graph.nodes.filter((n) => n.label === 'Service').map((n) => [n.id, n]));
  return {
    lands: graph.nodes.filter((n) => n.label === 'Organization' && n.props.level === 'Land' && n.props.kind === 'state').map((n) => n.id),
    components: graph.nodes.filter((n) => n.label === 'Component').map((n) => ({ id: n.id, kind: String(n.props.kind), layers: layersOf.get(n.id) ?? [] })),
    services: graph.edges
      .filter((e) => e.type === 'PART_OF' && services.has(e.from))
      .map((e) => {
        const s = services.get(e.from)!;
        return { ozgService: e.to, leikaType: String(s.props.leikaType), executingLevels: s.props.executingLevels as string[] };
      }),
  };
}
