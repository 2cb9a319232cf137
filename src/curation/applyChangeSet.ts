import type { PropValue } from '../seed/graph';
import { baseOf, orientLinks, type Base, type GraphView, type Operation, type Props } from './changeSet';
import { changed } from './checkChangeSet';
import { LayeredView } from './LayeredView';

/** Who and what an accepted change set names on every fact it adds or changes. */
export interface Stamp {
  readonly proposal: string;
  /** The organisation (graph id) the author speaks for. */
  readonly organization: string;
  readonly reviewer: string;
  /** `reported` for a report about the author's own organisation; else `sourced`, or `secondary` when every source cited is press or secondary. */
  readonly evidence: 'sourced' | 'secondary' | 'reported';
  /** The citations (registry ids, with locators) and their addresses, for `sources` and `source`. */
  readonly citations: readonly string[];
  readonly sourceText: string;
  /** The day the review accepted it (YYYY-MM-DD): the fact's `checked` date. */
  readonly checked?: string;
}

/** One entry of a change set's diff: what a node or link was before and is after. */
export interface DiffEntry {
  readonly op: Operation['op'];
  readonly entity: 'node' | 'link';
  /** The node id, or `TYPE|from|to`. */
  readonly key: string;
  /** The node's label or the link's type. */
  readonly kind: string;
  readonly before: Props | null;
  readonly after: Props | null;
}

/** What applying a change set writes: nodes and links with all their properties, and removals. */
export interface Writes {
  readonly nodes: { id: string; label: string; props: Record<string, PropValue> }[];
  readonly removedNodes: string[];
  readonly links: { type: string; from: string; to: string; props: Record<string, PropValue> }[];
  readonly removedLinks: { type: string; from: string; to: string }[];
  readonly diff: DiffEntry[];
  /** The state of what each operation touched before it was applied (see Base). */
  readonly bases: Base[];
}

/**
 * Applies a checked change set to `view` (pure): the nodes and links to write with every property,
 * the removals, and the diff. Added and changed facts carry the proposal's provenance: added ones
 * its citations and evidence, changed ones its citations beside their own.
 */
export function applyChangeSet(given: readonly Operation[], view: GraphView, stamp: Stamp): Writes {
  const ops = orientLinks(given, view);
  const layered = new LayeredView(view);
  const nodes = new Map<string, { id: string; label: string; props: Record<string, PropValue> }>();
  const links = new Map<string, { type: string; from: string; to: string; props: Record<string, PropValue> }>();
  const removedNodes: string[] = [];
  const removedLinks: { type: string; from: string; to: string }[] = [];
  const diff: DiffEntry[] = [];
  const bases: Base[] = [];
  const contribution = { proposal: stamp.proposal, contributedBy: stamp.organization, reviewedBy: stamp.reviewer };
  for (const op of ops) {
    bases.push(baseOf(op, layered));
    switch (op.op) {
      case 'addNode': {
        const props: Record<string, PropValue> = withAliasesText({ ...op.properties, id: op.id, evidence: stamp.evidence, sources: [...stamp.citations], source: stamp.sourceText, ...(stamp.checked ? { checked: stamp.checked } : {}), ...contribution });
        nodes.set(op.id, { id: op.id, label: op.label, props });
        layered.setNode(op.id, { label: op.label, props });
        diff.push({ op: op.op, entity: 'node', key: op.id, kind: op.label, before: null, after: props });
        break;
      }
      case 'changeNode': {
        const node = layered.node(op.id);
        if (!node) throw new Error(`changeNode of a missing node ${op.id}: check the change set first`);
        const props: Record<string, PropValue> = withAliasesText({ ...withCitations(changed(node.props, op.set, op.unset), stamp), ...contribution });
        nodes.set(op.id, { id: op.id, label: node.label, props });
        layered.setNode(op.id, { label: node.label, props });
        diff.push({ op: op.op, entity: 'node', key: op.id, kind: node.label, before: node.props, after: props });
        break;
      }
      case 'removeNode': {
        const node = layered.node(op.id);
        removedNodes.push(op.id);
        nodes.delete(op.id);
        for (const [k, l] of links) if (l.from === op.id || l.to === op.id) links.delete(k);
        layered.setNode(op.id, null);
        diff.push({ op: op.op, entity: 'node', key: op.id, kind: node?.label ?? '', before: node?.props ?? null, after: null });
        break;
      }
      case 'addLink': {
        const props: Record<string, PropValue> = { ...op.properties, evidence: stamp.evidence, sources: [...stamp.citations], source: stamp.sourceText, ...(stamp.checked ? { checked: stamp.checked } : {}), ...contribution };
        links.set(`${op.type}|${op.from}|${op.to}`, { type: op.type, from: op.from, to: op.to, props });
        layered.setLink(op.type, op.from, op.to, props);
        diff.push({ op: op.op, entity: 'link', key: `${op.type}|${op.from}|${op.to}`, kind: op.type, before: null, after: props });
        break;
      }
      case 'changeLink': {
        const before = layered.link(op.type, op.from, op.to);
        if (!before) throw new Error(`changeLink of a missing link ${op.type}|${op.from}|${op.to}: check the change set first`);
        const props: Record<string, PropValue> = { ...withCitations(changed(before, op.set, op.unset), stamp), ...contribution };
        links.set(`${op.type}|${op.from}|${op.to}`, { type: op.type, from: op.from, to: op.to, props });
        layered.setLink(op.type, op.from, op.to, props);
        diff.push({ op: op.op, entity: 'link', key: `${op.type}|${op.from}|${op.to}`, kind: op.type, before, after: props });
        break;
      }
      case 'removeLink': {
        const before = layered.link(op.type, op.from, op.to);
        links.delete(`${op.type}|${op.from}|${op.to}`);
        removedLinks.push({ type: op.type, from: op.from, to: op.to });
        layered.setLink(op.type, op.from, op.to, null);
        diff.push({ op: op.op, entity: 'link', key: `${op.type}|${op.from}|${op.to}`, kind: op.type, before, after: null });
        break;
      }
    }
  }
  return { nodes: [...nodes.values()], removedNodes, links: [...links.values()], removedLinks, diff, bases };
}

/** `props` citing the stamp's sources too (each citation once), with their addresses in `source`; checked the day the review accepted it. */
function withCitations(props: Record<string, PropValue>, stamp: Stamp): Record<string, PropValue> {
  const own = Array.isArray(props.sources) ? props.sources.map(String) : [];
  const sources = [...own, ...stamp.citations.filter((c) => !own.includes(c))];
  const parts = typeof props.source === 'string' && props.source !== '' ? props.source.split(' ; ') : [];
  for (const part of stamp.sourceText.split(' ; ')) if (part !== '' && !parts.includes(part)) parts.push(part);
  return { ...props, sources, source: parts.join(' ; '), ...(stamp.checked ? { checked: stamp.checked } : {}) };
}

/** `props` with `aliasesText` (what the full-text index reads) following `aliases`: absent without aliases. */
function withAliasesText(props: Record<string, PropValue>): Record<string, PropValue> {
  const { aliasesText: _old, ...rest } = props;
  return Array.isArray(props.aliases) && props.aliases.length > 0 ? { ...rest, aliasesText: props.aliases.map(String).join(' | ') } : rest;
}
