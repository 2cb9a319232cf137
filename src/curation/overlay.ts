import { MODEL, type Model, type NodeLabel, type RelType } from '../model';
import type { Graph } from '../seed/assemble';
import type { GraphEdge, GraphNode } from '../seed/graph';
import { applyChangeSet, type Stamp } from './applyChangeSet';
import { baseOf, currentProps, sameBase, stableJson, type Base, type GraphView, type Operation, type Props } from './changeSet';
import { checkChangeSet, describe } from './checkChangeSet';
import { LayeredView } from './LayeredView';

/** An accepted proposal as the overlay re-applies it: its operations, their bases at accept, its stamp. */
export interface OverlayEntry {
  readonly id: string;
  readonly operations: readonly Operation[];
  /** The state of what each operation touched when it was accepted (see Base). */
  readonly bases: readonly Base[];
  readonly stamp: Stamp;
}

/** An accepted proposal that no longer applies to the graph a load built, and why. */
export interface CurationConflict {
  readonly proposal: string;
  /** The first operation that no longer applies (its index), and what it touches. */
  readonly operation: number;
  readonly target: string;
  readonly message: string;
}

/**
 * Lays the accepted proposals, in the order they were accepted, over the graph a load built from
 * the seed files. A proposal applies when what each operation touches is as it was at accept; an
 * operation whose result is already there (its facts were merged into the seed files) is skipped;
 * anything else makes the whole proposal a conflict: it is listed, never applied in part or dropped
 * silently. Pure: returns the new graph.
 */
export function applyOverlay(graph: Graph, entries: readonly OverlayEntry[], model: Model = MODEL): { graph: Graph; conflicts: CurationConflict[]; applied: string[] } {
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map<string, GraphEdge>(graph.edges.map((e) => [`${e.type}|${e.from}|${e.to}`, e]));
  const view: GraphView = {
    node: (id) => {
      const n = nodes.get(id);
      return n ? { label: n.label, props: n.props } : null;
    },
    link: (type, from, to) => edges.get(`${type}|${from}|${to}`)?.props ?? null,
  };
  const conflicts: CurationConflict[] = [];
  const applied: string[] = [];
  for (const entry of entries) {
    const { todo, indices, conflict } = pending(entry, view);
    if (conflict) {
      conflicts.push(conflict);
      continue;
    }
    const problems = checkChangeSet(model, todo, view);
    if (problems.length > 0) {
      // Problems number the operations still to apply; name the proposal's own.
      const first = problems[0] as { field: string; message: string };
      const k = Number(/^operations\[(\d+)\]/.exec(first.field)?.[1] ?? -1);
      const operation = k >= 0 ? (indices[k] ?? -1) : -1;
      const field = first.field.replace(/^operations\[\d+\]/, `operations[${operation}]`);
      conflicts.push({ proposal: entry.id, operation, target: operation >= 0 ? describe(entry.operations[operation] as Operation) : field, message: `no longer applies: ${field} ${first.message}` });
      continue;
    }
    const writes = applyChangeSet(todo, view, entry.stamp);
    for (const id of writes.removedNodes) {
      nodes.delete(id);
      for (const [k, e] of edges) if (e.from === id || e.to === id) edges.delete(k);
    }
    for (const l of writes.removedLinks) edges.delete(`${l.type}|${l.from}|${l.to}`);
    const origin = (what: string): string => `curation: proposal ${entry.id} (${what})`;
    for (const n of writes.nodes) nodes.set(n.id, { label: n.label as NodeLabel, id: n.id, props: n.props, origin: origin(n.id) });
    for (const l of writes.links) edges.set(`${l.type}|${l.from}|${l.to}`, { type: l.type as RelType, from: l.from, to: l.to, props: l.props, origin: origin(`${l.type} ${l.from} -> ${l.to}`) });
    applied.push(entry.id);
  }
  return { graph: { nodes: [...nodes.values()], edges: [...edges.values()] }, conflicts, applied };
}

/**
 * The operations of `entry` still to apply to `view` (those whose result is not there yet), or the
 * first conflict: an operation whose target is neither as it was at accept nor already as it made it.
 */
export function pending(entry: OverlayEntry, view: GraphView): { todo: Operation[]; indices: number[]; conflict: CurationConflict | null } {
  const layered = new LayeredView(view);
  const todo: Operation[] = [];
  const indices: number[] = [];
  for (const [i, op] of entry.operations.entries()) {
    const recorded = entry.bases[i];
    const now = baseOf(op, layered);
    if (recorded && sameBase(recorded, now)) {
      todo.push(op);
      indices.push(i);
      continue;
    }
    if (alreadyApplied(op, layered)) continue;
    return { todo: [], indices: [], conflict: { proposal: entry.id, operation: i, target: describe(op), message: conflictMessage(op, recorded, now) } };
  }
  return { todo, indices, conflict: null };
}

/** Whether the graph already holds what `op` makes (its stated properties; a removal: nothing). */
function alreadyApplied(op: Operation, view: GraphView): boolean {
  const current = currentProps(op, view);
  switch (op.op) {
    case 'addNode':
    case 'addLink':
      return current !== null && contains(current, op.properties);
    case 'changeNode':
    case 'changeLink':
      return current !== null && contains(current, op.set) && op.unset.every((k) => current[k] === undefined);
    default:
      return current === null;
  }
}

function contains(props: Props, expected: Props): boolean {
  return Object.entries(expected).every(([k, v]) => stableJson(props[k] ?? null) === stableJson(v));
}

function conflictMessage(op: Operation, recorded: Base | undefined, now: Base): string {
  if (!now.exists) return `${describe(op)} is no longer in the graph (the seed files removed it)`;
  if (recorded && !recorded.exists) return `${describe(op)} exists now (the seed files added it), with other properties than the proposal adds`;
  const changedKeys = Object.keys({ ...(recorded?.values ?? {}), ...(now.values ?? {}) }).filter((k) => stableJson(recorded?.values?.[k] ?? null) !== stableJson(now.values?.[k] ?? null));
  return `${describe(op)} changed since the proposal was accepted (${changedKeys.join(', ')}): review it again`;
}
