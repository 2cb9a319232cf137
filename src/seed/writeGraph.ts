import type { Db } from '../neo4j/db';
import type { Graph } from './assemble';
import { bumpGraphVersion } from '../system/graphVersion';
import type { CitedSource } from './citations';
import crypto from 'node:crypto';
import { graphNodeCount, mergeNodes, mergeRelationships, mergeRules, mergeSources, pruneNodes, pruneRelationships, recordLoad, seedManifest, writeSeedManifest, type ChangeRow, type MergeChange } from './repository';
import type { LoadedRule } from './rules';

/** What a load writes besides nodes and relationships: the registry and the rules (when given). */
export interface GraphExtras {
  readonly sources?: readonly CitedSource[];
  readonly rules?: readonly (LoadedRule & { readonly edgeCount: number; readonly sources: readonly string[] })[];
}

/** What one load created and changed, per label and per relationship type. */
export interface WriteSummary {
  readonly nodes: Record<string, { created: number; changed: number; unchanged: number; removed: number }>;
  readonly relationships: Record<string, { created: number; changed: number; unchanged: number; removed: number }>;
  /** The change log entry of this load. */
  readonly load: LoadRecord;
  readonly ms: number;
}

/** A load as the change log records it. */
export interface LoadRecord {
  readonly id: string;
  readonly at: string;
  readonly datasets: readonly string[];
  readonly inputHash: string;
  /** The first load that found no record of an earlier one. */
  readonly initial: boolean;
  /** Whether every entry is in the log (not for the first load into an empty graph: counts only). */
  readonly itemised: boolean;
  readonly nodesAdded: number;
  readonly nodesRemoved: number;
  readonly nodesChanged: number;
  readonly relationshipsAdded: number;
  readonly relationshipsRemoved: number;
  readonly relationshipsChanged: number;
}

/** Called after each batch: done and total count rows (nodes plus relationships). */
export type ProgressFn = (done: number, total: number, phase: 'nodes' | 'relationships') => void;

const BATCH = 1000;

/**
 * Writes the whole graph in one write transaction, in UNWIND batches: nodes first, then
 * relationships. All or nothing: any failure rolls everything back. Nodes and relationships an
 * earlier load wrote and this one no longer has are deleted (only those: nodes made otherwise stay).
 * The load and every node and relationship it added, removed or changed go into the change log
 * (:Load and :Change nodes). A load that changes anything advances the graph version in the same
 * transaction.
 */
export async function writeGraph(db: Db, graph: Graph & GraphExtras & { datasets?: readonly string[] }, onProgress: ProgressFn = () => undefined): Promise<WriteSummary> {
  const t0 = Date.now();
  const total = graph.nodes.length + graph.edges.length;
  const nodeRows = graph.nodes.map((n) => ({ id: n.id, label: n.label, props: n.props }));
  const edgeRows = graph.edges.map((e) => ({ type: e.type, from: e.from, to: e.to, props: e.props }));
  const inputHash = hashRows(nodeRows, edgeRows);
  let changes: MergeChange[] = [];
  let removedNodes: { id: string; label: string }[] = [];
  let removedEdges: { type: string; from: string; to: string }[] = [];
  let load: LoadRecord | null = null;
  await db.write(async (tx) => {
    // The transaction function may be retried: start afresh each time.
    changes = [];
    const manifest = await seedManifest(tx);
    // The first load into an empty graph adds everything: the log records its counts, not every entry
    // (tens of thousands of entries would only say "added", and would cost the transaction's memory).
    const intoEmpty = manifest === null && (await graphNodeCount(tx)) === 0;
    // Removed: what the last load wrote and this one does not have.
    const nodeIds = new Set(nodeRows.map((n) => n.id));
    const edgeKeys = new Set(edgeRows.map(storedKey));
    removedEdges = (manifest?.edgeKeys ?? []).filter((k) => !edgeKeys.has(k)).map((k) => {
      const [type, from, to] = splitKey(k);
      return { type, from, to };
    });
    await pruneRelationships(tx, removedEdges);
    removedNodes = await pruneNodes(tx, (manifest?.nodeIds ?? []).filter((id) => !nodeIds.has(id)));
    let done = 0;
    for (let i = 0; i < nodeRows.length; i += BATCH) {
      const batch = nodeRows.slice(i, i + BATCH);
      changes.push(...(await mergeNodes(tx, batch)));
      done += batch.length;
      onProgress(done, total, 'nodes');
    }
    for (let i = 0; i < edgeRows.length; i += BATCH) {
      const batch = edgeRows.slice(i, i + BATCH);
      changes.push(...(await mergeRelationships(tx, batch)));
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
      const keys = graph.edges.filter((e) => typeof e.props.rule === 'string').map(storedKey);
      const r = await mergeRules(tx, rows, keys);
      extrasChanged ||= r.changed + r.removedRules + r.removedEdges > 0;
    }
    await writeSeedManifest(tx, [...nodeIds], [...edgeKeys]);
    const graphChanged = changes.length + removedNodes.length + removedEdges.length > 0;
    // Cached answers of the old graph must not be served: a load that changed anything advances the
    // graph version in the same transaction (a load that changed nothing leaves it).
    const version = extrasChanged || graphChanged ? await bumpGraphVersion(tx, 'seed') : null;
    const log = changeLog(changes, removedNodes, removedEdges);
    const count = (entity: string, op: string): number => log.filter((c) => c.entity === entity && c.op === op).length;
    load = {
      id: `load:${new Date().toISOString()}:${inputHash.slice(0, 8)}`,
      at: new Date().toISOString(),
      datasets: graph.datasets ?? [],
      inputHash,
      initial: manifest === null,
      itemised: !intoEmpty,
      nodesAdded: count('node', 'added'),
      nodesRemoved: count('node', 'removed'),
      nodesChanged: count('node', 'changed'),
      relationshipsAdded: count('relationship', 'added'),
      relationshipsRemoved: count('relationship', 'removed'),
      relationshipsChanged: count('relationship', 'changed'),
    };
    await recordLoad(tx, { ...load, datasets: [...load.datasets], graphVersion: version }, intoEmpty ? [] : log);
  });
  const expectedNodes = countBy(graph.nodes.map((n) => n.label));
  const expectedRels = countBy(graph.edges.map((e) => e.type));
  return {
    nodes: summarize(changes.filter((c) => c.entity === 'node'), removedNodes.map((n) => n.label), expectedNodes),
    relationships: summarize(changes.filter((c) => c.entity === 'relationship'), removedEdges.map((e) => e.type), expectedRels),
    load: load as unknown as LoadRecord,
    ms: Date.now() - t0,
  };
}

/** The change log entries of a load, in a stable order: nodes, then relationships; removed, added, changed. */
export function changeLog(changes: readonly MergeChange[], removedNodes: readonly { id: string; label: string }[], removedEdges: readonly { type: string; from: string; to: string }[]): ChangeRow[] {
  const rows: Omit<ChangeRow, 'seq'>[] = [
    ...removedNodes.map((n) => ({ op: 'removed' as const, entity: 'node' as const, key: n.id, label: n.label, from: null, to: null, fields: [] })),
    ...changes.filter((c) => c.entity === 'node').map((c) => ({ op: c.created ? ('added' as const) : ('changed' as const), entity: 'node' as const, key: c.key, label: c.kind, from: null, to: null, fields: [...c.fields].sort() })),
    ...removedEdges.map((e) => ({ op: 'removed' as const, entity: 'relationship' as const, key: storedKey(e), label: e.type, from: e.from, to: e.to, fields: [] })),
    ...changes
      .filter((c) => c.entity === 'relationship')
      .map((c) => ({ op: c.created ? ('added' as const) : ('changed' as const), entity: 'relationship' as const, key: c.key, label: c.kind, from: c.from ?? null, to: c.to ?? null, fields: [...c.fields].sort() })),
  ];
  return rows.map((r, seq) => ({ seq, ...r }));
}

/** The key of a stored relationship as written (directed, unlike edgeKey): `TYPE|from|to`. */
function storedKey(e: { readonly type: string; readonly from: string; readonly to: string }): string {
  return `${e.type}|${e.from}|${e.to}`;
}

function splitKey(k: string): [string, string, string] {
  const a = k.indexOf('|');
  const b = k.indexOf('|', a + 1);
  return [k.slice(0, a), k.slice(a + 1, b), k.slice(b + 1)];
}

/** A short hash of everything a load writes (the same input gives the same hash). */
function hashRows(nodes: readonly unknown[], edges: readonly unknown[]): string {
  const h = crypto.createHash('sha256');
  for (const r of nodes) h.update(JSON.stringify(r));
  for (const r of edges) h.update(JSON.stringify(r));
  return h.digest('hex').slice(0, 16);
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function summarize(changes: readonly MergeChange[], removed: readonly string[], expected: Map<string, number>): Record<string, { created: number; changed: number; unchanged: number; removed: number }> {
  const out: Record<string, { created: number; changed: number; unchanged: number; removed: number }> = {};
  for (const [key, n] of [...expected].sort(([a], [b]) => a.localeCompare(b))) out[key] = { created: 0, changed: 0, unchanged: n, removed: 0 };
  for (const c of changes) {
    const o = out[c.kind];
    if (!o) continue;
    if (c.created) o.created += 1;
    else o.changed += 1;
    o.unchanged -= 1;
  }
  for (const k of removed) (out[k] ??= { created: 0, changed: 0, unchanged: 0, removed: 0 }).removed += 1;
  return out;
}
