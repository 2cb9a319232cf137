import { MODEL, relRules, type Model } from '../model';
import { type GraphEdge, type GraphNode, type GraphPart, type NodeLabel, type SeedIssue } from './graph';

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
  const rules = relRules(model);
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
        // A seed entry adds to a landscape item: its fields win, both sources are kept.
        enrichable.delete(node.id);
        byId.set(node.id, {
          ...existing,
          enrichable: false,
          origin: `${existing.origin} + ${node.origin}`,
          props: { ...existing.props, ...node.props, source: `${String(existing.props.source)} ; ${String(node.props.source)}` },
        });
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
      const rule = rules[edge.type];
      if (!rule) {
        issues.push({ file, entry, field: 'type', message: `must be one of ${Object.keys(rules).join(', ')}, got "${edge.type}"` });
        continue;
      }
      const from = byId.get(edge.from);
      const to = byId.get(edge.to);
      let ok = true;
      if (!from) {
        issues.push({ file, entry, field: 'from', message: `"${edge.from}" is no known id` });
        ok = false;
      } else if (rule.from !== 'any' && !(rule.from as readonly string[]).includes(from.label)) {
        issues.push({ file, entry, field: 'from', message: `"${edge.from}" is a ${from.label}; ${edge.type} starts at ${rule.from.join(' or ')}` });
        ok = false;
      }
      if (!to) {
        issues.push({ file, entry, field: 'to', message: `"${edge.to}" is no known id` });
        ok = false;
      } else if (rule.to !== 'any' && !(rule.to as readonly string[]).includes(to.label)) {
        issues.push({ file, entry, field: 'to', message: `"${edge.to}" is a ${to.label}; ${edge.type} ends at ${rule.to.join(' or ')}` });
        ok = false;
      }
      if (ok && edge.type === 'PART_OF' && from && to && from.label !== to.label && !isCatalogueChain(from.label, to.label)) {
        issues.push({ file, entry, field: 'to', message: `PART_OF joins nodes of one label (or the catalogue chain), got ${from.label} -> ${to.label}` });
        ok = false;
      }
      if (ok && edge.from === edge.to) {
        issues.push({ file, entry, field: 'to', message: `"${edge.to}" points to itself` });
        ok = false;
      }
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

function isCatalogueChain(from: NodeLabel, to: NodeLabel): boolean {
  return (from === 'Service' && to === 'OzgService') || (from === 'OzgService' && to === 'LifeSituation') || (from === 'LifeSituation' && to === 'Topic');
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
