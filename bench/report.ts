import type { EventLoopDelay } from './eventLoop';
import type { MachineInfo } from './machine';
import type { RepeatedRead } from './repeated';
import type { TargetName } from './runner';
import { ratio, type Summary } from './stats';
import type { TraversalIndexStatus } from './traversalIndex';

/** One row of a phase's table: a query (or the repeated read) with the figures of the three targets. */
export interface QueryRow {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly figures: Record<TargetName, Summary>;
}

/** The mix on one graph. */
export interface PhaseResult {
  readonly name: string;
  /** True for the generated graph at scale 1 (the goal on hub impact applies there). */
  readonly defaultScale: boolean;
  readonly nodes: number;
  readonly relationships: number;
  readonly runs: number;
  readonly warmup: number;
  /** What the mix was run with, e.g. "hub: pvog (most incoming ...)". */
  readonly picks: readonly string[];
  readonly rows: readonly QueryRow[];
  /** (query, target) pairs that failed the check and were not timed. */
  readonly failures: number;
  /** Per query, the same API request again, for the response cache to answer (absent: not measured). */
  readonly repeatedReads?: readonly RepeatedRead[];
  /** Event-loop delay of the process serving the API during the timed runs (absent: not measured). */
  readonly eventLoop?: EventLoopDelay;
  /** What the API's about { traversalIndex } said after the phase's runs (absent: not asked). */
  readonly traversalIndex?: TraversalIndexStatus;
}

/** One bulk load: the seed or the generator. */
export interface LoadRow {
  readonly name: string;
  /** Whether the bulk-load goal (50,000 relationships/s) is judged on this load (the generator). */
  readonly bulk: boolean;
  readonly nodes: number;
  readonly relationships: number;
  readonly ms: number;
}

/** A goal of the issue and whether this run met it (null: not measured in this run). */
export interface Goal {
  readonly goal: string;
  readonly phase: string;
  readonly value: string;
  readonly met: boolean | null;
}

/** One query of the mix as the report documents it: the three texts. */
export interface MixEntry {
  readonly label: string;
  readonly title: string;
  readonly api: string;
  readonly peer: string;
  readonly rawFile: string;
  readonly raw: string;
}

/** Everything the report shows. */
export interface BenchReport {
  readonly startedAt: string;
  readonly command: string;
  readonly machine: MachineInfo;
  readonly neo4j: { readonly version: string; readonly mode: string; readonly heap: string; readonly pageCache: string };
  readonly mix: readonly MixEntry[];
  readonly phases: readonly PhaseResult[];
  readonly loads: readonly LoadRow[];
  readonly goals: readonly Goal[];
  readonly notes: readonly string[];
}

/** The key of the repeated-read row (mirrors runner.REPEATED_READ, kept here to stay import-free). */
const REPEATED = 'repeatedRead';
/** The key of the floor row (mirrors mix.HTTP_FLOOR). */
const FLOOR = 'httpFloor';
/** Rows that are not queries of the mix: the goals on "every query" leave them out. */
const NOT_QUERIES = new Set([REPEATED, FLOOR]);

/** Milliseconds with two decimals below 10, one below 1000, none above. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US');
}

/** A ratio as "1.23x". */
export function fmtRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : '–';
}

/** A whole number with thousands separators. */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

/** A Markdown table; cells have their pipes escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(esc).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Bytes as MiB with one decimal. */
export function fmtMiB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : '–';
}

/** Rows per second of a load. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : NaN;
}

/** The goals of the issue, judged on the phases and loads of this run. */
export function evaluateGoals(phases: readonly PhaseResult[], loads: readonly LoadRow[]): Goal[] {
  const goals: Goal[] = [];
  for (const p of phases) {
    const queries = p.rows.filter((r) => !NOT_QUERIES.has(r.key));
    // A query the peer failed (no figure) is named apart: the API answered it, the peer did not.
    const peerFailed = queries.filter((r) => Number.isNaN(r.figures.peer.p50) && !Number.isNaN(r.figures.api.p50));
    const slower = queries.filter((r) => !peerFailed.includes(r) && !(r.figures.api.p50 < r.figures.peer.p50));
    const failedNote = peerFailed.length > 0 ? `; the peer failed ${peerFailed.map((r) => r.label).join(', ')}` : '';
    goals.push({
      goal: 'API faster than the peer at p50 on every query',
      phase: p.name,
      value: (slower.length === 0 ? `all ${queries.length - peerFailed.length} compared queries` : `slower on ${slower.map((r) => `${r.label} (${fmtMs(r.figures.api.p50)} vs ${fmtMs(r.figures.peer.p50)} ms)`).join(', ')}`) + failedNote,
      met: slower.length === 0,
    });
    const ratios = queries.map((r) => ({ r, x: ratio(r.figures.api.p50, r.figures.raw.p50) }));
    const over = ratios.filter((q) => !(q.x <= 1.5));
    const worst = ratios.reduce((m, q) => (q.x > m ? q.x : m), 0);
    goals.push({
      goal: 'API within 1.5x of raw Cypher at p50',
      phase: p.name,
      value: over.length === 0 ? `worst ${fmtRatio(worst)}` : `over on ${over.map((q) => `${q.r.label} (${fmtRatio(q.x)})`).join(', ')}`,
      met: over.length === 0,
    });
    const hub = p.rows.find((r) => r.key === 'hubImpact');
    if (hub) {
      goals.push({
        goal: 'hub impact (summary + first 100 services) under 100 ms p50 at the default scale (300 ms at most)',
        phase: p.name,
        value: `${fmtMs(hub.figures.api.p50)} ms${p.defaultScale ? (hub.figures.api.p50 < 100 ? '' : hub.figures.api.p50 < 300 ? ' (within the 300 ms bound, not under 100)' : '') : ' (not the default scale: for information)'}`,
        met: p.defaultScale ? hub.figures.api.p50 < 100 : null,
      });
    }
    const rep = p.rows.find((r) => r.key === REPEATED);
    if (rep) goals.push({ goal: 'repeated read under 1 ms p50', phase: p.name, value: `${fmtMs(rep.figures.api.p50)} ms`, met: rep.figures.api.p50 < 1 });
    const floor = p.rows.find((r) => r.key === FLOOR);
    if (floor) {
      goals.push({ goal: "HTTP floor no slower than the peer's at p50", phase: p.name, value: `${fmtMs(floor.figures.api.p50)} vs ${fmtMs(floor.figures.peer.p50)} ms`, met: floor.figures.api.p50 <= floor.figures.peer.p50 });
    }
  }
  const bulk = loads.filter((l) => l.bulk);
  for (const l of bulk) {
    const rate = perSecond(l.relationships, l.ms);
    goals.push({ goal: 'bulk load at least 50,000 relationships/s', phase: l.name, value: `${fmtInt(rate)} relationships/s`, met: rate >= 50_000 });
  }
  if (bulk.length === 0) goals.push({ goal: 'bulk load at least 50,000 relationships/s', phase: '–', value: 'the generator did not run', met: null });
  return goals;
}

const TARGET_NOTE = 'a = this API over HTTP, b = raw Cypher through neo4j-driver in process, c = @neo4j/graphql 7.6.3 over HTTP; sequential requests; req/s = 1000 / mean';

/** The whole report as Markdown. */
export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  out.push('# dstack-graph benchmark', '');
  out.push(`Run ${r.startedAt}: \`${r.command}\``, '');
  out.push('## Machine and database', '');
  out.push(
    table(
      ['cpus', 'model', 'RAM', 'Node', 'OS', 'load average at start', 'Neo4j', 'mode', 'heap', 'page cache'],
      [[String(r.machine.cpus), r.machine.model, `${r.machine.ramGb} GB`, r.machine.node, r.machine.platform, r.machine.loadAverage, r.neo4j.version, r.neo4j.mode, r.neo4j.heap, r.neo4j.pageCache]],
    ),
    '',
  );
  out.push('## The mix', '');
  for (const m of r.mix) {
    out.push(`**${m.label}. ${m.title}**`, '');
    out.push(`- a (API): \`${m.api}\``, `- c (peer): \`${m.peer}\``, `- b (raw): \`${m.rawFile}\``, '');
    if (m.raw) out.push('<details><summary>Cypher of b (also the statement of the peer\'s @cypher field where it has one)</summary>', '', '```cypher', m.raw.trim(), '```', '', '</details>', '');
  }
  for (const p of r.phases) {
    out.push(`## ${p.name}: ${fmtInt(p.nodes)} nodes, ${fmtInt(p.relationships)} relationships`, '');
    out.push(`${p.runs} timed iterations after ${p.warmup} warm-up iterations, targets in rotating order. ${TARGET_NOTE}.`, '');
    out.push(...p.picks.map((x) => `- ${x}`), '');
    out.push(
      table(
        ['#', 'query', 'a p50', 'a p95', 'a req/s', 'b p50', 'b p95', 'b req/s', 'c p50', 'c p95', 'c req/s', 'a/b p50', 'a/c p50'],
        p.rows.map((q) => [
          q.label,
          q.title,
          fmtMs(q.figures.api.p50),
          fmtMs(q.figures.api.p95),
          fmtInt(q.figures.api.rps),
          fmtMs(q.figures.raw.p50),
          fmtMs(q.figures.raw.p95),
          fmtInt(q.figures.raw.rps),
          fmtMs(q.figures.peer.p50),
          fmtMs(q.figures.peer.p95),
          fmtInt(q.figures.peer.rps),
          fmtRatio(ratio(q.figures.api.p50, q.figures.raw.p50)),
          fmtRatio(ratio(q.figures.api.p50, q.figures.peer.p50)),
        ]),
      ),
      '',
    );
    out.push('Times in ms.', '');
    if (p.eventLoop) out.push(renderEventLoop(p.eventLoop), '');
    if (p.repeatedReads) out.push(...renderRepeatedReads(p));
  }
  const indexed = r.phases.filter((p) => p.traversalIndex);
  if (indexed.length > 0) {
    out.push('## Traversal index', '');
    out.push("The API's in-memory traversal index as `about { traversalIndex { version nodes relationships bytes buildMs } }` reports it after each phase's runs.", '');
    out.push(...indexed.map((p) => `- ${p.name}: ${traversalIndexLine(p.traversalIndex as TraversalIndexStatus)}`), '');
  }
  out.push('## Bulk load', '');
  out.push(
    r.loads.length === 0
      ? 'No load measured.'
      : table(
          ['load', 'nodes', 'relationships', 'ms', 'rows/s', 'relationships/s'],
          r.loads.map((l) => [l.name, fmtInt(l.nodes), fmtInt(l.relationships), fmtInt(l.ms), fmtInt(perSecond(l.nodes + l.relationships, l.ms)), fmtInt(perSecond(l.relationships, l.ms))]),
        ),
    '',
  );
  out.push('## Goals', '');
  out.push(table(['goal', 'phase', 'measured', 'met'], r.goals.map((g) => [g.goal, g.phase, g.value, g.met === null ? 'n/a' : g.met ? 'met' : 'missed'])), '');
  if (r.notes.length > 0) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}

/** The event-loop line of a phase. */
export function renderEventLoop(e: EventLoopDelay): string {
  return (
    `Event-loop delay during the timed runs: p50 ${fmtMs(e.p50)} ms, p99 ${fmtMs(e.p99)} ms, max ${fmtMs(e.max)} ms (${fmtInt(e.samples)} samples of a ${e.resolutionMs} ms timer, ` +
    'perf_hooks.monitorEventLoopDelay, lateness after the timer\'s own interval; the bench runs the API in its own process, so the loop is also the peer\'s and the raw client\'s).'
  );
}

/** The repeated-read table of a phase (the API only). */
export function renderRepeatedReads(p: PhaseResult): string[] {
  const reads = p.repeatedReads ?? [];
  const computed = new Map(p.rows.map((r) => [r.key, r.figures.api.p50]));
  const n = reads.reduce((m, r) => Math.max(m, r.figures.n), 0);
  return [
    `Repeated reads (a only): each query's API request sent again without \`Cache-Control: no-cache\` after one warming request, ${fmtInt(n)} timed reads each; figures only when every timed answer said \`x-dstack-cache: hit\`, else "not cached" with what it said.`,
    '',
    table(
      ['#', 'query', 'x-dstack-cache', 'p50', 'p95', 'req/s', 'computed a p50'],
      reads.map((r) => [
        r.label,
        r.title,
        r.status === 'hit' ? 'hit' : `${r.status} (${r.header})`,
        fmtMs(r.figures.p50),
        fmtMs(r.figures.p95),
        fmtInt(r.figures.rps),
        fmtMs(computed.get(r.key) ?? NaN),
      ]),
    ),
    '',
    'Times in ms.',
    '',
  ];
}

/** One phase's traversal index as a line. */
export function traversalIndexLine(t: TraversalIndexStatus): string {
  if (!t.available) return t.reason;
  if (!t.index) return 'none built (about.traversalIndex is null)';
  const i = t.index;
  return `version ${i.version}, ${fmtInt(i.nodes)} nodes, ${fmtInt(i.relationships)} relationships, ${fmtMiB(i.bytes)}, built in ${fmtMs(i.buildMs)} ms`;
}
