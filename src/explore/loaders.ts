import { InputError } from '../errors';
import { memoizeCalls } from '../engine/memoizeCalls';
import { requireFound, requireNode, requireNodeIn } from '../engine/requireNode';
import type { GraphLoaders } from '../graph/loaders';
import type { NodeRecord } from '../graph/records';
import { DERIVED_REL_TYPES, REL_RULES } from '../model';
import type { Database } from '../neo4j/db';
import { SUBGRAPH_EDGE_LIMIT, SUBGRAPH_NODE_LIMIT } from './bounds';
import { ALL_SUBGRAPH_FIELDS, evidenceOf, type AlternativeRecord, type PathRecord, type SubgraphFields, type SubgraphNodeRow, type SubgraphRecord } from './records';
import * as repo from './repository';

/** Per-request traversals for exploring the graph; each costs a fixed number of round trips per level. */
export interface ExploreLoaders {
  /** A shortest connection of `from` and `to` within `maxDepth` hops, or null. */
  path(from: string, to: string, maxDepth: number, sourcedOnly?: boolean): Promise<PathRecord | null>;
  /** The first `first` alternatives of `id`, by name, then id. */
  alternatives(id: string, first: number): Promise<AlternativeRecord[]>;
  /** The neighbourhood of `ids` up to `depth` hops over `types` (null: all but the derived ones), cut at its bounds. */
  subgraph(ids: readonly string[], depth: number, types: readonly string[] | null, fields?: SubgraphFields): Promise<SubgraphRecord>;
}

/** Creates the exploring traversals of one request on its graph loaders; identical calls within it share one answer. */
export function createExploreLoaders(db: Database, graph: GraphLoaders): ExploreLoaders {
  return memoizeCalls<ExploreLoaders>({
    async path(from, to, maxDepth, sourcedOnly = false) {
      const [a] = await Promise.all([requireNode(graph, from, 'from'), requireNode(graph, to, 'to')]);
      if (from === to) return { length: 0, evidence: 'sourced', nodes: [a], steps: [] };
      const p = await db.read((tx) => repo.shortestPath(tx, from, to, maxDepth, sourcedOnly));
      if (!p) return null;
      const steps = p.relationships.map((r, i) => {
        const x = p.nodes[i] as NodeRecord;
        const y = p.nodes[i + 1] as NodeRecord;
        return { from: x, to: y, type: r.type, forward: r.from === x.id };
      });
      return { length: steps.length, evidence: p.evidence, nodes: p.nodes, steps };
    },

    async alternatives(id, first) {
      const rows = await db.read(async (tx) => {
        await requireNodeIn(tx, id);
        return repo.alternatives(tx, id, first);
      });
      const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
      return rows.map((r) => ({
        alternative: r.alternative,
        guidance: text(r.relationship.guidance),
        evidence: evidenceOf(r.relationship.evidence),
        source: text(r.relationship.source),
        note: text(r.relationship.note),
        affectedServices: r.affected,
      }));
    },

    async subgraph(ids, depth, types, fields = ALL_SUBGRAPH_FIELDS) {
      if (ids.length === 0) throw new InputError('ids must name at least one node', { argument: 'ids' });
      if (types) {
        const unknown = types.filter((t) => !(t in REL_RULES));
        if (unknown.length > 0) throw new InputError(`types must be relationship types (${Object.keys(REL_RULES).join(', ')}), got ${unknown.join(', ')}`, { argument: 'types' });
      }
      // Without types: every type but the derived ones (ASSESSED ties every item to the six criteria).
      const followed = types ?? Object.keys(REL_RULES).filter((t) => !(DERIVED_REL_TYPES as readonly string[]).includes(t));
      const origins = [...new Set(ids)];
      if (origins.length > SUBGRAPH_NODE_LIMIT) throw new InputError(`ids must name at most ${SUBGRAPH_NODE_LIMIT} nodes, got ${origins.length}`, { argument: 'ids' });
      // One statement for all levels (cypher/explore/subgraph.cypher): each level reads at most one
      // edge more than the bound, so neither the database nor this process ever holds more than the
      // bounds. Breadth first, the rows are kept in order until a bound is hit, which sets
      // `truncated` and drops the rest (the statement reads no level after one that is cut).
      const read = await db.read((tx) => repo.subgraphLevels(tx, origins, depth, followed, SUBGRAPH_EDGE_LIMIT + 1, SUBGRAPH_EDGE_LIMIT, fields));
      const drawn = new Map<string, SubgraphNodeRow>();
      for (const n of read.origins) drawn.set(n.id, n);
      for (const id of origins) requireFound(drawn.get(id), id, 'ids');
      const seen = new Set(origins);
      const edges = new Map<string, SubgraphRecord['edges'][number]>();
      let truncated = false;
      for (const [rows, ends] of read.levels) {
        if (truncated || rows.length === 0) break;
        for (const n of ends) drawn.set(n.id, n);
        for (const [source, type, target, evidence, provenance] of rows) {
          const id = `${source}|${type}|${target}`;
          if (edges.has(id)) continue;
          if (edges.size >= SUBGRAPH_EDGE_LIMIT) {
            truncated = true;
            break;
          }
          const fresh = [...new Set([source, target])].filter((n) => !seen.has(n));
          if (seen.size + fresh.length > SUBGRAPH_NODE_LIMIT) {
            truncated = true; // an edge to a node beyond the bound is left out; edges among kept nodes stay
            continue;
          }
          for (const n of fresh) seen.add(n);
          edges.set(id, { id, source, target, type, evidence: evidenceOf(evidence), provenance });
        }
      }
      return {
        nodes: [...seen].flatMap((id) => {
          const n = drawn.get(id);
          return n ? [{ id, label: n.label, name: n.name, evidence: evidenceOf(n.evidence) }] : [];
        }),
        edges: [...edges.values()],
        truncated,
      };
    },
  });
}
