import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The expert's test set (test/truth/facts.yaml): facts an expert checked against their sources, each
 * asked of the running API. A fact is either a field of one node (`node`, `type`, `path`) or a query
 * of its own (`query`) with checks on paths of the answer. Paths are dotted; `[]` maps over a list
 * (`ranking.edges[].node.id`), `[a.b=x]` keeps the entries of a list whose `a.b` is x
 * (`items[requirement.id=req:x].status`). Checks: equals, notEquals, contains, notContains, isNull,
 * notNull, atLeast, atMost, matches (a regular expression).
 */
export interface TruthCheck {
  readonly path: string;
  readonly equals?: unknown;
  readonly notEquals?: unknown;
  readonly contains?: unknown;
  readonly notContains?: unknown;
  readonly isNull?: true;
  readonly notNull?: true;
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly matches?: string;
}

export interface TruthFact {
  readonly id: string;
  /** What the fact is, in the expert's words. */
  readonly fact: string;
  /** The wrong answer this fact guards against, where the review found one. */
  readonly error?: string;
  /** Where the expert checked it: registry ids (seeds/sources.yaml) or addresses, with locators. */
  readonly source: string;
  readonly node?: string;
  readonly type?: string;
  readonly query?: string;
  readonly checks: readonly TruthCheck[];
}

const OPS = ['equals', 'notEquals', 'contains', 'notContains', 'isNull', 'notNull', 'atLeast', 'atMost', 'matches'] as const;

/** Reads and checks the fact file: every problem names the entry and the field. */
export function readTruthFacts(file = path.join(__dirname, 'facts.yaml')): TruthFact[] {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as { facts?: unknown };
  if (!Array.isArray(doc?.facts)) throw new Error(`${file}: facts must be a list`);
  const seen = new Set<string>();
  return doc.facts.map((raw: Record<string, unknown>, i: number) => {
    const at = `${path.basename(file)}: facts[${i}]${typeof raw.id === 'string' ? ` (id "${raw.id}")` : ''}`;
    const fail = (field: string, message: string): never => {
      throw new Error(`${at}: field "${field}" ${message}`);
    };
    if (typeof raw.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(raw.id)) fail('id', 'is required: lower case, digits and "-"');
    if (seen.has(raw.id as string)) fail('id', 'is given twice');
    seen.add(raw.id as string);
    if (typeof raw.fact !== 'string' || raw.fact.trim() === '') fail('fact', 'is required: the fact in words');
    if (typeof raw.source !== 'string' || raw.source.trim() === '') fail('source', 'is required: where the fact was checked');
    const hasNode = typeof raw.node === 'string';
    if (hasNode === (typeof raw.query === 'string')) fail('query', 'give either node (with type) or query');
    if (hasNode && typeof raw.type !== 'string') fail('type', 'is required with node: the node type (Component, Standard, Organization, ...)');
    if (!Array.isArray(raw.checks) || raw.checks.length === 0) fail('checks', 'is required: at least one {path, <check>}');
    (raw.checks as Record<string, unknown>[]).forEach((c, j) => {
      if (typeof c.path !== 'string' || c.path === '') fail(`checks[${j}].path`, 'is required');
      const ops = Object.keys(c).filter((k) => k !== 'path');
      if (ops.length !== 1 || !(OPS as readonly string[]).includes(ops[0] as string)) fail(`checks[${j}]`, `needs exactly one of ${OPS.join(', ')}`);
    });
    return raw as unknown as TruthFact;
  });
}

/** The query of a node fact: the node's fields along each check's path, under its type. */
export function nodeQuery(f: TruthFact): string {
  const tree: Record<string, unknown> = {};
  for (const c of f.checks) {
    let t = tree;
    for (const seg of segments(c.path).map((x) => x.replace(/\[[^\]]*\]$/, ''))) t = (t[seg] ??= {}) as Record<string, unknown>;
  }
  const sel = (t: Record<string, unknown>): string =>
    Object.entries(t)
      .map(([k, v]) => (Object.keys(v as object).length === 0 ? k : `${k} { ${sel(v as Record<string, unknown>)} }`))
      .join(' ');
  return `query Truth($id: ID!) { node(id: $id) { __typename ... on ${f.type} { ${sel(tree)} } } }`;
}

/** Splits a path at dots outside brackets. */
function segments(p: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of p) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === '.' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The values at a path of an answer (`[]` maps over lists, `[a.b=x]` keeps matching entries). */
export function valuesAt(data: unknown, p: string): unknown {
  let cur: unknown = data;
  let mapped = false;
  for (const raw of segments(p)) {
    const filter = /^(.*)\[([^=\]]+)=([^\]]*)\]$/.exec(raw);
    const seg = filter ? `${filter[1] as string}[]` : raw;
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    if (filter) {
      const keep = (x: unknown): boolean => String(valuesAt(x, filter[2] as string)) === filter[3];
      const step = (x: unknown): unknown[] => {
        const v = x === null || x === undefined ? null : (x as Record<string, unknown>)[key];
        return Array.isArray(v) ? v.filter(keep) : [];
      };
      cur = mapped ? (cur as unknown[]).flatMap(step) : step(cur);
      mapped = true;
      continue;
    }
    const step = (x: unknown): unknown => (x === null || x === undefined ? null : (x as Record<string, unknown>)[key]);
    cur = mapped ? (cur as unknown[]).flatMap((x) => { const v = step(x); return list && Array.isArray(v) ? v : [v]; }) : step(cur);
    if (list && !mapped) {
      cur = Array.isArray(cur) ? cur : [];
      mapped = true;
    }
  }
  return cur;
}

/** What is wrong with a value for a check, or null. */
export function checkValue(value: unknown, c: TruthCheck): string | null {
  const show = (v: unknown): string => JSON.stringify(v);
  const includes = (v: unknown, x: unknown): boolean => (Array.isArray(v) ? v.some((e) => JSON.stringify(e) === JSON.stringify(x)) : typeof v === 'string' && typeof x === 'string' && v.includes(x));
  if ('equals' in c && JSON.stringify(value) !== JSON.stringify(c.equals)) return `${c.path} is ${show(value)}, expected ${show(c.equals)}`;
  if ('notEquals' in c && JSON.stringify(value) === JSON.stringify(c.notEquals)) return `${c.path} is ${show(value)}, expected anything else`;
  if ('contains' in c && !includes(value, c.contains)) return `${c.path} is ${show(value)}, expected it to contain ${show(c.contains)}`;
  if ('notContains' in c && includes(value, c.notContains)) return `${c.path} is ${show(value)}, expected it not to contain ${show(c.notContains)}`;
  if (c.isNull && value !== null && value !== undefined) return `${c.path} is ${show(value)}, expected null`;
  if (c.notNull && (value === null || value === undefined)) return `${c.path} is null, expected a value`;
  if (c.atLeast !== undefined && !(typeof value === 'number' && value >= c.atLeast)) return `${c.path} is ${show(value)}, expected at least ${c.atLeast}`;
  if (c.atMost !== undefined && !(typeof value === 'number' && value <= c.atMost)) return `${c.path} is ${show(value)}, expected at most ${c.atMost}`;
  if (c.matches !== undefined && !(typeof value === 'string' && new RegExp(c.matches).test(value))) return `${c.path} is ${show(value)}, expected to match /${c.matches}/`;
  return null;
}
