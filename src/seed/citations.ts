import { evidenceBySources, formatCitation, parseCitations, type Citation, type SourceEntry } from '../model';
import { splitOrigin, type Graph } from './assemble';
import type { GraphEdge, GraphNode, PropValue, SeedIssue } from './graph';
import type { SourceRegistry } from './sources/registry';

/** A registry entry with how many nodes and relationships of the loaded graph cite it. */
export interface CitedSource extends SourceEntry {
  readonly nodeCount: number;
  readonly relationshipCount: number;
}

/** The graph with every `source` resolved against the registry. */
export interface CitedGraph extends Graph {
  readonly sources: readonly CitedSource[];
}

/**
 * Resolves the `source` text of every node and relationship against the registry. Each gets
 * `sources` (the citations, `id` or `id (locator)`) and `source` (the canonical addresses with their
 * locators, for reading). An unknown id, a malformed citation, or a `sourced` fact that cites only
 * internal notes is an issue naming file, entry and field. A `sourced` fact whose sources are all press
 * or secondary becomes `secondary`.
 */
export function resolveCitations(graph: Graph, registry: SourceRegistry): { graph: CitedGraph; issues: SeedIssue[] } {
  const issues: SeedIssue[] = [];
  const nodeCounts = new Map<string, number>();
  const relCounts = new Map<string, number>();
  const resolve = (item: GraphNode | GraphEdge, counts: Map<string, number>): Record<string, PropValue> => {
    const [file, entry] = splitOrigin(item.origin);
    const text = item.props.source;
    const problem = (message: string): void => {
      issues.push({ file, entry, field: 'source', message });
    };
    if (typeof text !== 'string' || text.trim() === '') {
      problem('is required: one or more ids of seeds/sources.yaml');
      return item.props;
    }
    const parsed = parseCitations(text);
    if ('error' in parsed) {
      problem(parsed.error);
      return item.props;
    }
    const known: { c: Citation; e: SourceEntry }[] = [];
    for (const c of parsed.citations) {
      const e = registry.entries.get(c.id);
      if (!e) problem(`names "${c.id}", which is no source of the registry; add it to seeds/sources.yaml (or a sources: section) with its canonical address`);
      else known.push({ c, e });
    }
    if (known.length < parsed.citations.length) return item.props;
    if ((item.props.evidence ?? 'sourced') === 'sourced' && known.every(({ e }) => e.kind === 'internal')) {
      problem('cites only internal notes, so the fact is not sourced: cite the publisher, or mark it evidence: inferred');
    }
    const seen = new Set<string>();
    for (const { c } of known) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    }
    // `sourced` needs a primary source; a fact resting on press or secondary sources only is `secondary`.
    const stated = String(item.props.evidence ?? 'sourced');
    const evidence = evidenceBySources(stated, known.map(({ e }) => e.kind));
    // When a source of the fact was last read: the newest retrieved date of its sources.
    const checked = known.map(({ e }) => e.retrieved).filter((d): d is string => d !== null).sort().pop();
    return {
      ...item.props,
      ...(evidence !== stated ? { evidence } : {}),
      ...(checked ? { checked } : {}),
      sources: known.map(({ c }) => formatCitation(c)),
      source: known.map(({ c, e }) => `${e.url ?? e.title ?? e.id}${c.locator ? ` (${c.locator})` : ''}`).join(' ; '),
    };
  };
  const nodes = graph.nodes.map((n) => ({ ...n, props: resolve(n, nodeCounts) }));
  const edges = graph.edges.map((e) => ({ ...e, props: resolve(e, relCounts) }));
  const sources = [...registry.entries.values()].map((e) => ({ ...e, nodeCount: nodeCounts.get(e.id) ?? 0, relationshipCount: relCounts.get(e.id) ?? 0 }));
  return { graph: { nodes, edges, sources }, issues };
}
