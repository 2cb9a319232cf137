import type { PropValue } from '../seed/graph';

/** Properties as a change set states them: text, numbers, true/false, or lists of those. */
export type Props = Readonly<Record<string, PropValue>>;

/** One operation of a change set: add, change or remove a node or a relationship (a "link"). */
export type Operation =
  | { readonly op: 'addNode'; readonly label: string; readonly id: string; readonly properties: Props }
  | { readonly op: 'changeNode'; readonly id: string; readonly set: Props; readonly unset: readonly string[] }
  | { readonly op: 'removeNode'; readonly id: string }
  | { readonly op: 'addLink'; readonly type: string; readonly from: string; readonly to: string; readonly properties: Props }
  | { readonly op: 'changeLink'; readonly type: string; readonly from: string; readonly to: string; readonly set: Props; readonly unset: readonly string[] }
  | { readonly op: 'removeLink'; readonly type: string; readonly from: string; readonly to: string };

/** A node as a view of the graph holds it. */
export interface ViewNode {
  readonly label: string;
  readonly props: Props;
}

/** What a change set is checked and applied against: the graph's current nodes and links. */
export interface GraphView {
  node(id: string): ViewNode | null;
  link(type: string, from: string, to: string): Props | null;
}

/** What an operation touches: `node:<id>` or `link:<TYPE>|<from>|<to>`. */
export function entityKey(op: Operation): string {
  return 'id' in op ? `node:${op.id}` : `link:${op.type}|${op.from}|${op.to}`;
}

/** The node ids an operation names (its node, or both ends of its link). */
export function idsOf(op: Operation): string[] {
  return 'id' in op ? [op.id] : [op.from, op.to];
}

/**
 * The state of what an operation touches, as far as the operation depends on it: for an add, that
 * it does not exist; for a change, the values of the properties it sets or removes; for a removal,
 * every property. Recorded when a proposal is filed and when it is applied, compared before it is
 * applied again (accept, and every later load): a different state is a conflict.
 */
export interface Base {
  readonly exists: boolean;
  readonly values?: Readonly<Record<string, PropValue | null>>;
}

/** The current state of what `op` touches in `view` (see Base). */
export function baseOf(op: Operation, view: GraphView): Base {
  const current = currentProps(op, view);
  if (current === null) return { exists: false };
  switch (op.op) {
    case 'changeNode':
    case 'changeLink':
      return { exists: true, values: pick(current, [...Object.keys(op.set), ...op.unset]) };
    case 'removeNode':
    case 'removeLink':
      return { exists: true, values: sortKeys(current) };
    default:
      return { exists: true };
  }
}

/** The properties of what `op` touches, or null when it does not exist. */
export function currentProps(op: Operation, view: GraphView): Props | null {
  return 'id' in op ? (view.node(op.id)?.props ?? null) : view.link(op.type, op.from, op.to);
}

/** Whether two recorded states are the same (property values compared by value, lists in order). */
export function sameBase(a: Base, b: Base): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? sortKeys(x as Record<string, unknown>) : x));
}

function pick(props: Props, keys: readonly string[]): Record<string, PropValue | null> {
  const out: Record<string, PropValue | null> = {};
  for (const k of [...new Set(keys)].sort()) out[k] = props[k] ?? null;
  return out;
}

function sortKeys<T>(o: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The operations with every change or removal of an ALTERNATIVE_TO (undirected) named in the
 * direction it is stored in `view`, so that it is found and written, never doubled.
 */
export function orientLinks(ops: readonly Operation[], view: GraphView): Operation[] {
  return ops.map((op) => {
    if ((op.op !== 'changeLink' && op.op !== 'removeLink') || op.type !== 'ALTERNATIVE_TO') return op;
    if (view.link(op.type, op.from, op.to) || !view.link(op.type, op.to, op.from)) return op;
    return { ...op, from: op.to, to: op.from };
  });
}
