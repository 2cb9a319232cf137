import type { Model } from '../model';
import { CONTRIBUTION_PROPERTIES } from '../model/common';
import { checkLinkEnds } from '../model/checkLinkEnds';
import { checkNodeProperties, checkRelationshipProperties } from '../model/checkProperties';
import { edgeKey } from '../seed/assemble';
import { entityKey, orientLinks, type GraphView, type Operation, type Props } from './changeSet';
import { LayeredView } from './LayeredView';

/** A problem with one operation of a change set: `operations[2].properties.license` and what is wrong. */
export interface ChangeProblem {
  readonly field: string;
  readonly message: string;
}

/** Properties a change set may not state: the loader and the review write them. */
export const PROTECTED_PROPERTIES: readonly string[] = ['id', 'label', 'source', 'sources', 'evidence', 'rule', 'checked', 'aliasesText', ...CONTRIBUTION_PROPERTIES];

const GENERIC_ID = /^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * Checks a change set against the graph `view` by the model's own rules, the ones the seed loader
 * applies (checkNodeProperties, checkRelationshipProperties, checkLinkEnds): unknown labels and
 * types, missing or bad properties, ends that do not exist or do not fit, adding what exists,
 * changing or removing what does not, and the same node or link twice. Operations are checked in
 * order, each against the graph as the earlier ones leave it.
 */
export function checkChangeSet(model: Model, given: readonly Operation[], view: GraphView): ChangeProblem[] {
  const ops = orientLinks(given, view);
  const problems: ChangeProblem[] = [];
  const layered = new LayeredView(view);
  const seen = new Map<string, number>();
  ops.forEach((op, i) => {
    const at = `operations[${i}]`;
    const problem = (field: string, message: string): void => {
      problems.push({ field: field === '' ? at : `${at}.${field}`, message });
    };
    const key = 'id' in op ? entityKey(op) : `link:${edgeKey(op.type, op.from, op.to)}`;
    const first = seen.get(key);
    if (first !== undefined) return problem('', `touches ${describe(op)} again (operations[${first}] does already); state each node or link once`);
    seen.set(key, i);
    for (const k of [...('properties' in op ? Object.keys(op.properties) : []), ...('set' in op ? [...Object.keys(op.set), ...op.unset] : [])]) {
      if (PROTECTED_PROPERTIES.includes(k)) problem(`properties.${k}`, `cannot be stated in a change set (${PROTECTED_PROPERTIES.join(', ')} are written by the loader and the review)`);
    }
    switch (op.op) {
      case 'addNode': {
        const spec = model.labels[op.label];
        if (!spec) return problem('label', `must be one of ${Object.keys(model.labels).join(', ')}, got "${op.label}"`);
        const pattern = spec.seed?.idPattern ?? GENERIC_ID;
        if (!pattern.test(op.id)) problem('id', `must look like ${spec.seed?.idForm ?? 'prefix:name'} (lower case, digits, "-" and "."), got "${op.id}"`);
        if (layered.node(op.id)) return problem('id', `"${op.id}" already exists; change it with CHANGE_NODE`);
        const props: Record<string, Props[string]> = { ...op.properties, id: op.id };
        if (typeof props.name !== 'string' || props.name.trim() === '') problem('properties.name', 'is required');
        for (const p of checkNodeProperties(model, op.label, props)) problem(`properties.${p.field}`, p.message);
        layered.setNode(op.id, { label: op.label, props });
        return;
      }
      case 'changeNode': {
        const node = layered.node(op.id);
        if (!node) return problem('id', `"${op.id}" is no node of the graph`);
        if (Object.keys(op.set).length + op.unset.length === 0) return problem('properties', 'changes nothing: give properties to set or unset');
        const props = changed(node.props, op.set, op.unset);
        if (typeof props.name !== 'string' || props.name.trim() === '') problem('properties.name', 'is required');
        for (const p of checkNodeProperties(model, node.label, props)) problem(`properties.${p.field}`, p.message);
        layered.setNode(op.id, { label: node.label, props });
        return;
      }
      case 'removeNode':
        if (!layered.node(op.id)) return problem('id', `"${op.id}" is no node of the graph`);
        layered.setNode(op.id, null);
        return;
      case 'addLink': {
        const from = layered.node(op.from);
        const to = layered.node(op.to);
        const ends = checkLinkEnds(model, op.type, { id: op.from, label: from?.label ?? null }, { id: op.to, label: to?.label ?? null });
        for (const p of ends) problem(p.field, p.message);
        if (ends.length > 0) return;
        if (layered.link(op.type, op.from, op.to) || (op.type === 'ALTERNATIVE_TO' && layered.link(op.type, op.to, op.from))) return problem('to', `${describe(op)} already exists; change it with CHANGE_LINK`);
        for (const p of checkRelationshipProperties(model, op.type, op.properties)) problem(`properties.${p.field}`, p.message);
        layered.setLink(op.type, op.from, op.to, op.properties);
        return;
      }
      case 'changeLink': {
        const props = layered.link(op.type, op.from, op.to);
        if (!props) return problem('to', `${describe(op)} is no link of the graph`);
        if (Object.keys(op.set).length + op.unset.length === 0) return problem('properties', 'changes nothing: give properties to set or unset');
        const next = changed(props, op.set, op.unset);
        for (const p of checkRelationshipProperties(model, op.type, next)) problem(`properties.${p.field}`, p.message);
        layered.setLink(op.type, op.from, op.to, next);
        return;
      }
      case 'removeLink':
        if (!layered.link(op.type, op.from, op.to)) return problem('to', `${describe(op)} is no link of the graph`);
        layered.setLink(op.type, op.from, op.to, null);
        return;
    }
  });
  return problems;
}

/** `props` with `set` laid over it and `unset` removed. */
export function changed(props: Props, set: Props, unset: readonly string[]): Record<string, Props[string]> {
  const out: Record<string, Props[string]> = { ...props, ...set };
  for (const k of unset) delete out[k];
  return out;
}

/** An operation's target in words: `node "bundid"` or `DEPENDS_ON a -> b`. */
export function describe(op: Operation): string {
  return 'id' in op ? `node "${op.id}"` : `${op.type} ${op.from} -> ${op.to}`;
}
