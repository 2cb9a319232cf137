import { MODEL, type Model } from '../model';
import { checkLinkEnds } from '../model/checkLinkEnds';
import { type GraphEdge, type GraphNode, type GraphPart, type SeedIssue } from './graph';
import { isFactProperty, recordConflict, RESEARCH_OVER_DATASET } from './conflicts';

/** The validated graph, ready to write: unique node ids, edges whose ends exist and fit the model. */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/**
 * Merges the parts of all sources and checks them together: an id is defined once (a seed entry
 * may enrich a landscape item of the same id and label), every edge's ends exist and have labels
 * its type allows, and no (type, from, to) appears twice. Returns the graph and every issue found.
 */
export function assemble(parts: readonly GraphPart[], model: Model = MODEL): { graph: Graph; issues: SeedIssue[] } {
  const issues: SeedIssue[] = parts.flatMap((p) => p.issues);
  const byId = new Map<string, GraphNode>();
  const enrichable = new Set<string>();
  for (const part of parts) {
    for (const node of part.nodes) {
      const existing = byId.get(node.id);
      if (!existing) {
        byId.set(node.id, node);
        if (node.enrichable) enrichable.add(node.id);
        continue;
      }
      const [file, entry] = splitOrigin(node.origin);
      if (enrichable.has(node.id) && existing.label === node.label) {
        // A seed entry adds to a landscape item: its fields win, both sources are kept, and a fact
        // whose value it changes is recorded as a conflict the API shows.
        enrichable.delete(node.id);
        const merged: GraphNode = {
          ...existing,
          enrichable: false,
          origin: `${existing.origin} + ${node.origin}`,
          props: { ...existing.props, ...node.props, source: `${String(existing.props.source)} ; ${String(node.props.source)}` },
        };
        for (const [k, v] of Object.entries(node.props)) {
          const was = existing.props[k];
          if (!isFactProperty(k) || was === undefined || was === null || v === undefined || v === null || JSON.stringify(was) === JSON.stringify(v)) continue;
          recordConflict(merged, { field: k, value: String(v), overridden: String(was), statedAt: node.origin, overriddenAt: existing.origin, reason: RESEARCH_OVER_DATASET });
        }
        byId.set(node.id, merged);
      } else if (existing.enrichable) {
        issues.push({ file, entry, field: 'id', message: `"${node.id}" is a ${existing.label} of the landscape (${existing.origin}); list it in that section to enrich it` });
      } else {
        issues.push({ file, entry, field: 'id', message: `"${node.id}" is already defined at ${existing.origin}` });
      }
    }
  }

  const edges: GraphEdge[] = [];
  const seen = new Map<string, string>();
  for (const part of parts) {
    for (const edge of part.edges) {
      const [file, entry] = splitOrigin(edge.origin);
      const from = byId.get(edge.from);
      const to = byId.get(edge.to);
      const problems = checkLinkEnds(model, edge.type, { id: edge.from, label: from?.label ?? null }, { id: edge.to, label: to?.label ?? null });
      for (const p of problems) issues.push({ file, entry, field: p.field, message: p.message });
      const ok = problems.length === 0;
      if (!ok) continue;
      const key = edgeKey(edge.type, edge.from, edge.to);
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ file, entry, field: 'to', message: `${edge.type} ${edge.from} -> ${edge.to} is already stated at ${first}` });
        continue;
      }
      seen.set(key, edge.origin);
      edges.push(edge);
    }
  }
  return { graph: { nodes: [...byId.values()], edges }, issues };
}

/** The identity of a relationship: type and ends; ALTERNATIVE_TO is undirected, so its ends are sorted. */
export function edgeKey(type: string, from: string, to: string): string {
  return type === 'ALTERNATIVE_TO' ? `${type}|${[from, to].sort().join('|')}` : `${type}|${from}|${to}`;
}

/** Splits an origin `file: entry` into its two parts. */
export function splitOrigin(origin: string): [string, string] {
  const i = origin.indexOf(': ');
  return i < 0 ? [origin, '(entry)'] : [origin.slice(0, i), origin.slice(i + 2)];
}

/** Counts nodes per label and edges per type, sorted by name. */
export function countGraph(graph: Graph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = {};
  const edges: Record<string, number> = {};
  for (const n of graph.nodes) nodes[n.label] = (nodes[n.label] ?? 0) + 1;
  for (const e of graph.edges) edges[e.type] = (edges[e.type] ?? 0) + 1;
  const sort = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { nodes: sort(nodes), edges: sort(edges) };
}
