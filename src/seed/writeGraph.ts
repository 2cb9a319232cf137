import type { Db } from '../neo4j/db';
import type { Graph } from './assemble';
import { bumpGraphVersion } from '../system/graphVersion';
import type { CitedSource } from './citations';
import { mergeNodes, mergeRelationships, mergeRules, mergeSources, type MergeCounts } from './repository';
import type { LoadedRule } from './rules';

/** What a load writes besides nodes and relationships: the registry and the rules (when given). */
export interface GraphExtras {
  readonly sources?: readonly CitedSource[];
  readonly rules?: readonly (LoadedRule & { readonly edgeCount: number; readonly sources: readonly string[] })[];
}

/** What one load created and changed, per label and per relationship type. */
export interface WriteSummary {
  readonly nodes: Record<string, { created: number; changed: number; unchanged: number }>;
  readonly relationships: Record<string, { created: number; changed: number; unchanged: number }>;
  readonly ms: number;
}

/** Called after each batch: done and total count rows (nodes plus relationships). */
export type ProgressFn = (done: number, total: number, phase: 'nodes' | 'relationships') => void;

const BATCH = 1000;

/**
 * Writes the whole graph in one write transaction, in UNWIND batches: nodes first, then
 * relationships. All or nothing: any failure rolls everything back. A load that changes anything
 * advances the graph version in the same transaction.
 */
export async function writeGraph(db: Db, graph: Graph & GraphExtras, onProgress: ProgressFn = () => undefined): Promise<WriteSummary> {
  const t0 = Date.now();
  const total = graph.nodes.length + graph.edges.length;
  const nodeRows = graph.nodes.map((n) => ({ id: n.id, label: n.label, props: n.props }));
  const edgeRows = graph.edges.map((e) => ({ type: e.type, from: e.from, to: e.to, props: e.props }));
  const nodeCounts: MergeCounts[] = [];
  const relCounts: MergeCounts[] = [];
  await db.write(async (tx) => {
    // The transaction function may be retried: start the counts afresh each time.
    nodeCounts.length = 0;
    relCounts.length = 0;
    let done = 0;
    for (let i = 0; i < nodeRows.length; i += BATCH) {
      const batch = nodeRows.slice(i, i + BATCH);
      nodeCounts.push(...(await mergeNodes(tx, batch)));
      done += batch.length;
      onProgress(done, total, 'nodes');
    }
    for (let i = 0; i < edgeRows.length; i += BATCH) {
      const batch = edgeRows.slice(i, i + BATCH);
      relCounts.push(...(await mergeRelationships(tx, batch)));
      done += batch.length;
      onProgress(done, total, 'relationships');
    }
    let extrasChanged = false;
    if (graph.sources) {
      const rows = graph.sources.map((s) => ({ ...s, name: s.title ?? s.id }));
      const r = await mergeSources(tx, rows);
      extrasChanged ||= r.changed + r.removed > 0;
    }
    if (graph.rules) {
      const rows = graph.rules.map((r) => ({ id: r.id, name: r.name, statement: r.statement, source: r.source, sources: [...r.sources], type: r.type, from: JSON.stringify(r.from), to: JSON.stringify(r.to), edgeCount: r.edgeCount }));
      const keys = graph.edges.filter((e) => typeof e.props.rule === 'string').map((e) => `${e.type}|${e.from}|${e.to}`);
      const r = await mergeRules(tx, rows, keys);
      extrasChanged ||= r.changed + r.removedRules + r.removedEdges > 0;
    }
    // Cached answers of the old graph must not be served: a load that changed anything advances the
    // graph version in the same transaction (a load that changed nothing leaves it).
    if (extrasChanged || [...nodeCounts, ...relCounts].some((c) => c.created + c.changed > 0)) await bumpGraphVersion(tx, 'seed');
  });
  const expectedNodes = countBy(graph.nodes.map((n) => n.label));
  const expectedRels = countBy(graph.edges.map((e) => e.type));
  return { nodes: summarize(nodeCounts, expectedNodes), relationships: summarize(relCounts, expectedRels), ms: Date.now() - t0 };
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function summarize(counts: MergeCounts[], expected: Map<string, number>): Record<string, { created: number; changed: number; unchanged: number }> {
  const out: Record<string, { created: number; changed: number; unchanged: number }> = {};
  for (const [key, n] of [...expected].sort(([a], [b]) => a.localeCompare(b))) out[key] = { created: 0, changed: 0, unchanged: n };
  for (const c of counts) {
    const o = out[c.key];
    if (!o) continue;
    o.created += c.created;
    o.changed += c.changed;
    o.unchanged -= c.created + c.changed;
  }
  return out;
}
