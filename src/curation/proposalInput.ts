import { parseCitations, type Citation } from '../model';
import type { PropValue } from '../seed/graph';
import type { Operation, Props } from './changeSet';
import type { ChangeProblem } from './checkChangeSet';
import { MAX_UNSET } from './bounds';

/** A change as the API takes it (ChangeInput): one shape for all six operations. */
export interface ChangeInputShape {
  readonly op: 'ADD_NODE' | 'CHANGE_NODE' | 'REMOVE_NODE' | 'ADD_LINK' | 'CHANGE_LINK' | 'REMOVE_LINK';
  readonly id?: string | null;
  readonly label?: string | null;
  readonly type?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly properties?: Readonly<Record<string, PropValue>> | null;
  readonly unset?: readonly string[] | null;
}

const NEEDS: Readonly<Record<ChangeInputShape['op'], readonly (keyof ChangeInputShape)[]>> = {
  ADD_NODE: ['id', 'label', 'properties'],
  CHANGE_NODE: ['id'],
  REMOVE_NODE: ['id'],
  ADD_LINK: ['type', 'from', 'to'],
  CHANGE_LINK: ['type', 'from', 'to'],
  REMOVE_LINK: ['type', 'from', 'to'],
};
const NODE_FIELDS = new Set(['id']);
const LINK_FIELDS = new Set(['type', 'from', 'to']);

/**
 * The operations of a ChangeInput list, or the problems with their shape (a field the operation
 * needs is missing, or one it does not take is given), each naming `operations[i].field`.
 */
export function readOperations(input: readonly ChangeInputShape[]): { operations: Operation[]; problems: ChangeProblem[] } {
  const operations: Operation[] = [];
  const problems: ChangeProblem[] = [];
  input.forEach((c, i) => {
    const at = `operations[${i}]`;
    const given = (k: keyof ChangeInputShape): boolean => c[k] !== undefined && c[k] !== null;
    let ok = true;
    for (const k of NEEDS[c.op]) {
      if (!given(k) || (typeof c[k] === 'string' && (c[k] as string).trim() === '')) {
        problems.push({ field: `${at}.${k}`, message: `is required for ${c.op}` });
        ok = false;
      }
    }
    const isNode = c.op.endsWith('_NODE');
    for (const k of ['id', 'label', 'type', 'from', 'to'] as const) {
      if (k === 'label' && c.op === 'ADD_NODE') continue;
      if (given(k) && !(isNode ? NODE_FIELDS : LINK_FIELDS).has(k)) {
        const why = k === 'label' && isNode ? 'a label never changes: remove the node and add it anew' : `a ${isNode ? 'node is named by id' : 'link is named by type, from and to'}`;
        problems.push({ field: `${at}.${k}`, message: `is not taken by ${c.op} (${why})` });
        ok = false;
      }
    }
    if (c.op === 'ADD_NODE' && given('label') === false) ok = false;
    if ((c.unset?.length ?? 0) > MAX_UNSET) {
      problems.push({ field: `${at}.unset`, message: `removes more than ${MAX_UNSET} properties` });
      ok = false;
    }
    if (c.op === 'REMOVE_NODE' || c.op === 'REMOVE_LINK') {
      for (const k of ['properties', 'unset'] as const) {
        if (given(k) && !(k === 'unset' && (c.unset?.length ?? 0) === 0)) {
          problems.push({ field: `${at}.${k}`, message: `is not taken by ${c.op}` });
          ok = false;
        }
      }
    }
    if ((c.op === 'ADD_NODE' || c.op === 'ADD_LINK') && (c.unset?.length ?? 0) > 0) {
      problems.push({ field: `${at}.unset`, message: `is not taken by ${c.op}` });
      ok = false;
    }
    if (!ok) return;
    const props: Props = c.properties ?? {};
    const unset = [...(c.unset ?? [])];
    const id = c.id as string;
    const [type, from, to] = [c.type as string, c.from as string, c.to as string];
    switch (c.op) {
      case 'ADD_NODE':
        operations.push({ op: 'addNode', label: c.label as string, id, properties: props });
        break;
      case 'CHANGE_NODE':
        operations.push({ op: 'changeNode', id, set: props, unset });
        break;
      case 'REMOVE_NODE':
        operations.push({ op: 'removeNode', id });
        break;
      case 'ADD_LINK':
        operations.push({ op: 'addLink', type, from, to, properties: props });
        break;
      case 'CHANGE_LINK':
        operations.push({ op: 'changeLink', type, from, to, set: props, unset });
        break;
      case 'REMOVE_LINK':
        operations.push({ op: 'removeLink', type, from, to });
        break;
    }
  });
  return { operations, problems };
}

/** The ChangeInput of an operation (how the API shows a stored proposal's operations). */
export function toChangeInput(op: Operation): ChangeInputShape {
  switch (op.op) {
    case 'addNode':
      return { op: 'ADD_NODE', id: op.id, label: op.label, properties: op.properties };
    case 'changeNode':
      return { op: 'CHANGE_NODE', id: op.id, properties: op.set, unset: op.unset };
    case 'removeNode':
      return { op: 'REMOVE_NODE', id: op.id };
    case 'addLink':
      return { op: 'ADD_LINK', type: op.type, from: op.from, to: op.to, properties: op.properties };
    case 'changeLink':
      return { op: 'CHANGE_LINK', type: op.type, from: op.from, to: op.to, properties: op.set, unset: op.unset };
    case 'removeLink':
      return { op: 'REMOVE_LINK', type: op.type, from: op.from, to: op.to };
  }
}

/** The citations of a proposal (registry ids with optional locators), or the problem with one. */
export function readProposalCitations(citations: readonly string[]): { citations: Citation[]; problem: string | null } {
  if (citations.length === 0) return { citations: [], problem: null };
  const parsed = parseCitations(citations.join(' ; '));
  return 'error' in parsed ? { citations: [], problem: parsed.error } : { citations: parsed.citations, problem: null };
}
