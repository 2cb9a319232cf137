/** A property value Neo4j can store: scalars and lists of scalars (never null or nested maps). */
export type PropValue = string | number | boolean | string[] | number[];

/** One node to write; `props` always holds `id`, `name`, `source` and `evidence`. */
export interface GraphNode {
  readonly label: NodeLabel;
  readonly id: string;
  readonly props: Record<string, PropValue>;
  /** Where the entry was read, for error messages: `seeds/components.yaml: components[3]`. */
  readonly origin: string;
  /** A data-set entry that a seed entry of the same id and label may enrich (landscape items). */
  readonly enrichable?: boolean;
}

/** One relationship to write between two node ids. */
export interface GraphEdge {
  readonly type: RelType;
  readonly from: string;
  readonly to: string;
  readonly props: Record<string, PropValue>;
  readonly origin: string;
}

/** What a source contributes: nodes, edges and the problems found while reading it. */
export interface GraphPart {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly issues: SeedIssue[];
}

/** True for a YAML mapping (an object that is not a list). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drops undefined, null and empty-string values so that only storable properties remain. */
export function clean(props: Record<string, PropValue | undefined | null>): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

/** A validation problem, located by file, entry and field. */
export interface SeedIssue {
  readonly file: string;
  readonly entry: string;
  readonly field: string;
  readonly message: string;
}

/** Formats an issue as one line: `file: entry: field "x" message`. */
export function formatIssue(i: SeedIssue): string {
  return `${i.file}: ${i.entry}: field "${i.field}" ${i.message}`;
}

/** Thrown when any source has problems; nothing has been written. */
export class SeedValidationError extends Error {
  constructor(readonly issues: readonly SeedIssue[]) {
    const lines = summarizeIssues(issues);
    const shown = lines.slice(0, 60).map((l) => `  - ${l}`);
    const more = lines.length > 60 ? [`  ... and ${lines.length - 60} more`] : [];
    super(`The seed data has ${issues.length} problem(s); nothing was written:\n${[...shown, ...more].join('\n')}`);
    this.name = 'SeedValidationError';
  }
}

/** One line per issue; the same problem in many entries of one file becomes one line with a count. */
export function summarizeIssues(issues: readonly SeedIssue[]): string[] {
  const groups = new Map<string, SeedIssue[]>();
  for (const i of issues) {
    const key = `${i.file}\u0000${i.field}\u0000${i.message}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const lines: string[] = [];
  for (const g of groups.values()) {
    const first = g[0] as SeedIssue;
    if (g.length <= 3) lines.push(...g.map(formatIssue));
    else lines.push(`${formatIssue(first)} (and in ${g.length - 1} more entries of this file: ${g.slice(1, 4).map((i) => i.entry).join(', ')}, ...)`);
  }
  return lines;
}

// The model (labels, relationship rules, value lists) lives in src/model; the loader re-exports it.
export { NODE_LABELS, REL_RULES, ORGANIZATION_LEVELS, EVIDENCE, type NodeLabel, type RelType, type RelRule } from '../model';
import type { NodeLabel, RelType } from '../model';
