import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { NODE_LABELS, REL_RULES, RULE_ID, RULE_SOURCE_KINDS, parseCitations, type InferenceRule, type NodeLabel, type NodeSelector, type RelType } from '../model';
import { edgeKey, splitOrigin, type Graph } from './assemble';
import { isMap, type GraphEdge, type GraphNode, type PropValue, type SeedIssue } from './graph';
import type { SourceRegistry } from './sources/registry';

/** A rule as loaded: its definition and the origin for messages. */
export interface LoadedRule extends InferenceRule {
  readonly origin: string;
}

/** Reads `rules.yaml` of the seeds folder (absent: no rules); every problem names file, entry and field. */
export function readRules(dir: string, registry: SourceRegistry, displayRoot: string = path.dirname(dir)): { rules: LoadedRule[]; issues: SeedIssue[] } {
  const full = path.join(dir, 'rules.yaml');
  const file = path.relative(displayRoot, full);
  const issues: SeedIssue[] = [];
  if (!fs.existsSync(full)) return { rules: [], issues };
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
  } catch (e) {
    return { rules: [], issues: [{ file, entry: 'document', field: '(yaml)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const list = isMap(doc) ? doc.rules : undefined;
  if (!Array.isArray(list)) return { rules: [], issues: [{ file, entry: 'rules', field: '(section)', message: 'must be a list' }] };
  const rules: LoadedRule[] = [];
  const ids = new Set<string>();
  list.forEach((raw: unknown, index) => {
    const entry = `rules[${index}]${isMap(raw) && typeof raw.id === 'string' ? ` (id "${raw.id}")` : ''}`;
    const before = issues.length;
    const problem = (field: string, message: string): void => {
      issues.push({ file, entry, field, message });
    };
    if (!isMap(raw)) return problem('(entry)', 'must be a mapping');
    for (const k of Object.keys(raw)) if (!RULE_FIELDS.includes(k)) problem(k, `is no field of a rule; allowed: ${RULE_FIELDS.join(', ')}`);
    const id = String(raw.id ?? '');
    if (!RULE_ID.test(id)) problem('id', `must look like rule:<slug>, got "${id}"`);
    else if (ids.has(id)) problem('id', `"${id}" is defined twice`);
    ids.add(id);
    for (const f of ['name', 'statement', 'source']) if (typeof raw[f] !== 'string' || (raw[f] as string).trim() === '') problem(f, 'is required');
    const type = String(raw.type ?? '');
    if (!(type in REL_RULES)) problem('type', `must be a relationship type (${Object.keys(REL_RULES).join(', ')}), got "${type}"`);
    if (typeof raw.source === 'string') {
      const parsed = parseCitations(raw.source);
      if ('error' in parsed) problem('source', parsed.error);
      else
        for (const c of parsed.citations) {
          const e = registry.entries.get(c.id);
          if (!e) problem('source', `names "${c.id}", which is no source of the registry`);
          else if (!(RULE_SOURCE_KINDS as readonly string[]).includes(e.kind)) problem('source', `"${c.id}" is a ${e.kind} source; a rule rests on a ${RULE_SOURCE_KINDS.join(', ')} source that states the obligation or practice`);
        }
    }
    const from = readSelector(raw.from, 'from', problem);
    const to = readSelector(raw.to, 'to', problem);
    if (from && to && type in REL_RULES) {
      const rr = REL_RULES[type as RelType] as { from: readonly NodeLabel[] | 'any'; to: readonly NodeLabel[] | 'any' };
      if (rr.from !== 'any' && !rr.from.includes(from.label)) problem('from', `selects ${from.label}; ${type} starts at ${rr.from.join(' or ')}`);
      if (rr.to !== 'any' && !rr.to.includes(to.label)) problem('to', `selects ${to.label}; ${type} ends at ${rr.to.join(' or ')}`);
    }
    const props: Record<string, string> = {};
    if (raw.edgeProperties !== undefined) {
      if (!isMap(raw.edgeProperties)) problem('edgeProperties', 'must be a mapping of text values');
      else
        for (const [k, v] of Object.entries(raw.edgeProperties)) {
          if (['source', 'evidence', 'rule', 'sources'].includes(k)) problem(`edgeProperties.${k}`, 'is set by the loader (the rule\'s source, evidence inferred, the rule\'s id)');
          else if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') problem(`edgeProperties.${k}`, `must be text, a number or true/false, got ${JSON.stringify(v)}`);
          else props[k] = String(v);
        }
    }
    // The edges must carry what the model requires of their type, with allowed values.
    if (type in REL_RULES) {
      const rr = REL_RULES[type as RelType] as { required?: readonly string[]; enums?: Readonly<Record<string, readonly string[]>> };
      for (const f of rr.required ?? []) if (props[f] === undefined || props[f] === '') problem(`edgeProperties.${f}`, `is required for ${type}`);
      for (const [f, allowed] of Object.entries(rr.enums ?? {})) {
        if (props[f] !== undefined && !allowed.includes(props[f] as string)) problem(`edgeProperties.${f}`, `must be one of ${allowed.join(', ')}, got "${props[f]}"`);
      }
    }
    if (issues.length > before || !from || !to) return;
    rules.push({ id, name: String(raw.name), statement: String(raw.statement), source: String(raw.source), type: type as RelType, from, to, props, origin: `${file}: ${entry}` });
  });
  return { rules, issues };
}

const RULE_FIELDS = ['id', 'name', 'statement', 'source', 'type', 'from', 'to', 'edgeProperties', 'note'];
const SELECTOR_FIELDS = ['label', 'ids', 'where', 'exists', 'has'];
const HAS_FIELDS = ['type', 'dir', 'label', 'ids'];
const isScalar = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function readSelector(raw: unknown, field: string, problem: (field: string, message: string) => void): NodeSelector | null {
  if (!isMap(raw)) {
    problem(field, `must be a selector {${SELECTOR_FIELDS.join(', ')}}, got ${JSON.stringify(raw)}`);
    return null;
  }
  for (const k of Object.keys(raw)) if (!SELECTOR_FIELDS.includes(k)) problem(`${field}.${k}`, `is no field of a selector; allowed: ${SELECTOR_FIELDS.join(', ')}`);
  const label = String(raw.label ?? '');
  if (!(NODE_LABELS as readonly string[]).includes(label)) {
    problem(`${field}.label`, `must be a label of the model, got "${label}"`);
    return null;
  }
  let ok = true;
  if (raw.ids !== undefined && !(Array.isArray(raw.ids) && raw.ids.every((i) => typeof i === 'string'))) {
    problem(`${field}.ids`, 'must be a list of ids');
    ok = false;
  }
  if (raw.where !== undefined && !isMap(raw.where)) {
    problem(`${field}.where`, 'must be a mapping of property: value (or a list of values)');
    ok = false;
  } else
    for (const [k, v] of Object.entries((raw.where ?? {}) as Record<string, unknown>)) {
      if (!isScalar(v) && !(Array.isArray(v) && v.length > 0 && v.every(isScalar))) {
        problem(`${field}.where.${k}`, `must be a value or a non-empty list of values, got ${JSON.stringify(v)}`);
        ok = false;
      }
    }
  if (raw.exists !== undefined && !(Array.isArray(raw.exists) && raw.exists.every((i) => typeof i === 'string'))) {
    problem(`${field}.exists`, 'must be a list of property names');
    ok = false;
  }
  const has = raw.has ?? [];
  if (!Array.isArray(has)) {
    problem(`${field}.has`, 'must be a list of {type, dir, label, ids}');
    ok = false;
  } else
    has.forEach((h: unknown, i) => {
      if (!isMap(h) || !(String(h.type) in REL_RULES) || !['out', 'in'].includes(String(h.dir)) || Object.keys(h).some((k) => !HAS_FIELDS.includes(k))) {
        problem(`${field}.has[${i}]`, `must be {type: <relationship type>, dir: out|in, label?, ids?}, got ${JSON.stringify(h)}`);
        ok = false;
      } else if (h.ids !== undefined && !(Array.isArray(h.ids) && h.ids.every((x) => typeof x === 'string'))) {
        problem(`${field}.has[${i}].ids`, `must be a list of ids, got ${JSON.stringify(h.ids)}`);
        ok = false;
      } else if (h.label !== undefined && !(NODE_LABELS as readonly string[]).includes(String(h.label))) {
        problem(`${field}.has[${i}].label`, `must be a label of the model, got "${String(h.label)}"`);
        ok = false;
      }
    });
  return ok ? (raw as unknown as NodeSelector) : null;
}

/** The nodes a selector selects, in graph order. */
export function selectNodes(graph: Graph, selector: NodeSelector): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = new Map<string, Set<string>>();
  const inc = new Map<string, Set<string>>();
  const key = (type: string, id: string): string => `${type}|${id}`;
  for (const e of graph.edges) {
    const a = out.get(key(e.type, e.from)) ?? new Set<string>();
    a.add(e.to);
    out.set(key(e.type, e.from), a);
    const b = inc.get(key(e.type, e.to)) ?? new Set<string>();
    b.add(e.from);
    inc.set(key(e.type, e.to), b);
  }
  const matches = (v: PropValue | undefined, want: unknown): boolean => {
    const wanted = (Array.isArray(want) ? want : [want]).map(String);
    if (v === undefined) return false;
    return Array.isArray(v) ? v.some((x) => wanted.includes(String(x))) : wanted.includes(String(v));
  };
  return graph.nodes.filter((n) => {
    if (n.label !== selector.label) return false;
    if (selector.ids && !selector.ids.includes(n.id)) return false;
    for (const [p, want] of Object.entries(selector.where ?? {})) if (!matches(n.props[p], want)) return false;
    for (const p of selector.exists ?? []) if (n.props[p] === undefined) return false;
    for (const h of selector.has ?? []) {
      const ends = (h.dir === 'out' ? out : inc).get(key(h.type, n.id)) ?? new Set<string>();
      const ok = [...ends].some((id) => (!h.label || byId.get(id)?.label === h.label) && (!h.ids || h.ids.includes(id)));
      if (!ok) return false;
    }
    return true;
  });
}

/** Most edges one rule may make; a selector that selects more is a mistake in the rule. */
export const RULE_EDGE_LIMIT = 50_000;

/**
 * Materialises the rules' edges: every selected (from, to) pair gets an edge of the rule's type with
 * evidence `inferred`, the rule's id and its source. A pair that the files already link with that
 * type keeps its edge (a rule never overwrites a stated fact, sourced or inferred); two rules that
 * select the same pair make one edge, for the first rule.
 */
export function applyRules(graph: Graph, rules: readonly LoadedRule[]): { edges: GraphEdge[]; counts: Map<string, number>; issues: SeedIssue[] } {
  const existing = new Set(graph.edges.map((e) => edgeKey(e.type, e.from, e.to)));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges: GraphEdge[] = [];
  const counts = new Map<string, number>();
  const issues: SeedIssue[] = [];
  for (const rule of rules) {
    const from = selectNodes(graph, rule.from);
    const to = selectNodes(graph, rule.to);
    const [file, entry] = splitOrigin(rule.origin);
    if (from.length * to.length > RULE_EDGE_LIMIT) {
      issues.push({ file, entry, field: 'from', message: `selects ${from.length} × ${to.length} pairs, more than ${RULE_EDGE_LIMIT}; narrow the selectors` });
      continue;
    }
    if (to.length === 0) issues.push({ file, entry, field: 'to', message: 'selects no node' });
    if (from.length === 0) issues.push({ file, entry, field: 'from', message: 'selects no node' });
    for (const [side, sel] of [['from', rule.from], ['to', rule.to]] as const) {
      for (const id of sel.ids ?? []) {
        const n = byId.get(id);
        if (!n) issues.push({ file, entry, field: `${side}.ids`, message: `"${id}" is no known id` });
        else if (n.label !== sel.label) issues.push({ file, entry, field: `${side}.ids`, message: `"${id}" is a ${n.label}, not a ${sel.label}` });
      }
    }
    let n = 0;
    for (const a of from) {
      for (const b of to) {
        if (a.id === b.id) continue;
        const k = edgeKey(rule.type, a.id, b.id);
        if (existing.has(k)) continue;
        existing.add(k);
        edges.push({ type: rule.type, from: a.id, to: b.id, origin: rule.origin, props: { ...rule.props, source: rule.source, evidence: 'inferred', rule: rule.id } });
        n++;
      }
    }
    counts.set(rule.id, n);
  }
  return { edges, counts, issues };
}
