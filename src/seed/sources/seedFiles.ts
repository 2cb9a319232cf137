import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { seedFilePaths } from './registry';
import { MODEL, SEED_EVIDENCE, type Model } from '../../model';
import { checkNodeProperties, checkRelationshipProperties } from '../../model/checkProperties';
import { type GraphEdge, type GraphNode, type GraphPart, type NodeLabel, type PropValue, type RelType, type SeedIssue, isMap } from '../graph';

/** How one node section of a seed file becomes nodes of one label (from the model: src/model/labels.ts). */
interface SectionSpec {
  readonly label: NodeLabel;
  readonly idPattern: RegExp;
  readonly idForm: string;
  /** Fields that hold an id of another node (required); become relationships. */
  readonly refs: Readonly<Record<string, RelType>>;
}

/** The node sections a seed file may hold: each label the model lets seed files write, under its plural. */
export function sections(model: Model = MODEL): Readonly<Record<string, SectionSpec>> {
  const out: Record<string, SectionSpec> = {};
  for (const [label, spec] of Object.entries(model.labels)) {
    if (spec.seed) out[spec.plural] = { label: label as NodeLabel, idPattern: spec.seed.idPattern, idForm: spec.seed.idForm, refs: (spec.seed.refs ?? {}) as Record<string, RelType> };
  }
  return out;
}

/** Top-level keys that are not node sections. */
const OTHER_KEYS = new Set(['relationships', 'source', 'landscapeStandards', 'sources', 'denied', 'reviewed', 'rules', 'profiles', 'jurisdictions', 'decisions', 'curation']);

/** Sections read from one file only. */
const ONLY_IN: Readonly<Record<string, string>> = { rules: 'rules.yaml', denied: 'deny-list.yaml', reviewed: 'hosts.yaml', landscapeStandards: 'landscape-classification.yaml' };

/** Reads every `*.yaml` file of `dir` into nodes and edges, collecting every problem found. */
export function readSeedFiles(dir: string, displayRoot: string = path.dirname(dir), model: Model = MODEL): GraphPart {
  const SECTIONS = sections(model);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const issues: SeedIssue[] = [];
  for (const full of seedFilePaths(dir)) {
    const file = path.relative(displayRoot, full);
    let doc: unknown;
    try {
      doc = YAML.parse(fs.readFileSync(full, 'utf8'), { uniqueKeys: true });
    } catch (e) {
      issues.push({ file, entry: 'document', field: '(yaml)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      issues.push({ file, entry: 'document', field: '(top level)', message: 'must be a mapping of sections' });
      continue;
    }
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      const home = ONLY_IN[key];
      if (home && path.basename(full) !== home) {
        issues.push({ file, entry: key, field: '(section)', message: `belongs in seeds/${home}; here it would be ignored` });
        continue;
      }
      if (OTHER_KEYS.has(key)) continue;
      const spec = SECTIONS[key];
      if (!spec) {
        issues.push({ file, entry: key, field: '(section)', message: `is unknown; allowed: ${[...Object.keys(SECTIONS), 'relationships'].join(', ')}` });
        continue;
      }
      readSection(model, file, key, spec, value, nodes, edges, issues);
    }
    const rels = (doc as Record<string, unknown>).relationships;
    if (rels !== undefined) readRelationships(model, file, rels, edges, issues);
  }
  return { nodes, edges, issues };
}

function readSection(model: Model, file: string, key: string, spec: SectionSpec, value: unknown, nodes: GraphNode[], edges: GraphEdge[], issues: SeedIssue[]): void {
  if (value === null) return;
  if (!Array.isArray(value)) {
    issues.push({ file, entry: key, field: '(section)', message: 'must be a list' });
    return;
  }
  value.forEach((raw: unknown, index) => {
    const entry = describeEntry(key, index, raw);
    const problem = (field: string, message: string): void => {
      issues.push({ file, entry, field, message });
    };
    if (!isMap(raw)) return problem('(entry)', 'must be a mapping');
    const props = commonProps(raw, problem);
    if (!props) return;
    const id = props.id as string;
    if (!spec.idPattern.test(id)) problem('id', `must look like ${spec.idForm} (lower case, digits, "-" and "."), got "${id}"`);
    for (const field of Object.keys(spec.refs)) {
      if (raw[field] === undefined || raw[field] === null || raw[field] === '') problem(field, 'is required');
    }
    for (const p of checkNodeProperties(model, spec.label, raw)) problem(p.field, p.message);
    const origin = `${file}: ${entry}`;
    for (const [field, type] of Object.entries(spec.refs)) {
      const target = raw[field];
      if (typeof target === 'string' && target !== '') {
        edges.push({ type, from: id, to: target, props: { source: props.source as string, evidence: props.evidence as string }, origin: `${origin} field "${field}"` });
      }
    }
    nodes.push({ label: spec.label, id, props, origin });
  });
}

function readRelationships(model: Model, file: string, value: unknown, edges: GraphEdge[], issues: SeedIssue[]): void {
  if (value === null) return;
  if (!Array.isArray(value)) {
    issues.push({ file, entry: 'relationships', field: '(section)', message: 'must be a list' });
    return;
  }
  value.forEach((raw: unknown, index) => {
    const entry = isMap(raw) ? `relationships[${index}] (${String(raw.type)} ${String(raw.from)} -> ${String(raw.to)})` : `relationships[${index}]`;
    const problem = (field: string, message: string): void => {
      issues.push({ file, entry, field, message });
    };
    if (!isMap(raw)) return problem('(entry)', 'must be a mapping');
    const type = raw.type;
    if (typeof type !== 'string' || !(type in model.relationships)) return problem('type', `must be one of ${Object.keys(model.relationships).join(', ')}, got "${String(type)}"`);
    let ok = true;
    for (const field of ['from', 'to', 'source']) {
      if (typeof raw[field] !== 'string' || (raw[field] as string).trim() === '') {
        problem(field, 'is required');
        ok = false;
      }
    }
    const { type: _type, from: _from, to: _to, ...stated } = raw;
    for (const p of checkRelationshipProperties(model, type, stated)) {
      problem(p.field, p.message);
      ok = false;
    }
    const evidence = raw.evidence ?? 'sourced';
    const evidenceProblem = checkSeedEvidence(evidence, raw.proposal);
    if (evidenceProblem) {
      problem('evidence', evidenceProblem);
      ok = false;
    }
    if (!ok) return;
    const props: Record<string, PropValue> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'type' || k === 'from' || k === 'to') continue;
      const pv = toPropValue(v);
      if (pv === undefined) problem(k, 'must be text, a number, true/false or a list of those');
      else props[k] = pv;
    }
    props.evidence = String(evidence);
    edges.push({ type: type as RelType, from: raw.from as string, to: raw.to as string, props, origin: `${file}: ${entry}` });
  });
}

/** Checks and converts the fields every node entry has; `undefined` when the entry is unusable. */
function commonProps(raw: Record<string, unknown>, problem: (field: string, message: string) => void): Record<string, PropValue> | undefined {
  let ok = true;
  for (const field of ['id', 'name', 'source']) {
    if (typeof raw[field] !== 'string' || (raw[field] as string).trim() === '') {
      problem(field, 'is required');
      ok = false;
    }
  }
  const evidence = raw.evidence ?? 'sourced';
  const evidenceProblem = checkSeedEvidence(evidence, raw.proposal);
  if (evidenceProblem) {
    problem('evidence', evidenceProblem);
    ok = false;
  }
  if (!ok) return undefined;
  const props: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    const pv = toPropValue(v);
    if (pv === undefined) {
      problem(k, 'must be text, a number, true/false or a list of those');
      ok = false;
    } else props[k] = pv;
  }
  props.evidence = String(evidence);
  // Full-text indexes read strings only: aliases become one searchable text as well.
  if (Array.isArray(props.aliases) && props.aliases.length > 0) props.aliasesText = props.aliases.map(String).join(' | ');
  return ok ? props : undefined;
}

/**
 * What is wrong with the evidence of a seed entry, or null: seed files state `sourced` or `inferred`
 * facts; `reported` ones only as exported from an accepted proposal (npm run export-curated), which
 * names it.
 */
function checkSeedEvidence(evidence: unknown, proposal: unknown): string | null {
  if ((SEED_EVIDENCE as readonly string[]).includes(String(evidence))) return null;
  if (evidence === 'reported') return typeof proposal === 'string' && proposal !== '' ? null : 'is reported, which only an accepted proposal states: name it (proposal), or say sourced or inferred';
  return `must be sourced or inferred, got "${String(evidence)}"`;
}

/** Converts a YAML value into a storable property, or `undefined` when it cannot be stored. */
export function toPropValue(v: unknown): PropValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return v as string[];
    if (v.every((x) => typeof x === 'number')) return v as number[];
    if (v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v.map(String);
  }
  return undefined;
}


function describeEntry(section: string, index: number, raw: unknown): string {
  const id = isMap(raw) && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
  return `${section}[${index}]${id}`;
}
