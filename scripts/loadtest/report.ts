import type { AttackStats } from './attackers';
import type { DelayFigures, HealthzFigures } from './probes';

/** The nearest-rank percentile `p` (0..100) of `values`; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const round = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : n === Infinity ? 'inf' : 'n/a');
export const codesText = (codes: Record<string, number>): string =>
  Object.entries(codes)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ') || 'none';

/** Latency figures of a list of answers, in ms. */
export interface LatencyFigures {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function latencyFigures(latencies: readonly number[]): LatencyFigures {
  return { count: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.length ? Math.max(...latencies) : 0 };
}

/** The figures of one phase that the comparison needs (the rest is printed with the phase). */
export interface PhaseSummary {
  readonly phase: 'calm' | 'adversarial';
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Everything a well-behaved client did not get as a 2xx answer without GraphQL errors. */
  readonly errors: number;
  /** Well-behaved requests still open when the phase ended (in p50 and p99 with their wait so far). */
  readonly open: number;
  readonly healthz: LatencyFigures & { readonly failures: Record<string, number> };
  /** Event-loop delay of the API, or why it was not measured. */
  readonly eventLoop: DelayFigures | { readonly missing: string };
  /** os.loadavg() at the start and the end of the phase. */
  readonly loadAverage: { readonly start: readonly number[]; readonly end: readonly number[] };
}

export function healthzSummary(h: HealthzFigures): PhaseSummary['healthz'] {
  return { ...latencyFigures(h.latencies), failures: h.failures };
}

const pad = (cells: readonly string[], widths: readonly number[]): string =>
  cells
    .map((v, i) => (i === 0 ? v.padEnd(widths[0] as number) : v.padStart(widths[i] ?? 12)))
    .join('')
    .trimEnd();

/** The attackers' answers per attack: latency and answers by HTTP status and by GraphQL code. */
export function formatAttackTable(stats: ReadonlyMap<string, AttackStats>): string[] {
  const widths = [34, 6, 10, 10, 10, 10];
  const rows = [...stats].map(([name, s]) => {
    const l = latencyFigures(s.latencies);
    return `${pad([name, String(s.sent), String(l.count), round(l.p50, 0), round(l.p99, 0), round(l.max, 0)], widths)}  HTTP ${codesText(s.statuses)}; ${codesText(s.codes)}`;
  });
  return [`${pad(['attack', 'sent', 'answered', 'p50 ms', 'p99 ms', 'max ms'], widths)}  answers by status; GraphQL errors by code`, ...rows];
}

/** One line on the event-loop delay of a phase. */
export function delayText(d: PhaseSummary['eventLoop']): string {
  if ('missing' in d) return `not measured (${d.missing})`;
  const max = d.maxBound === Infinity ? 'over 5000' : `at most ${round(d.maxBound, 0)}`;
  return `p50 ${round(d.p50)} ms, p99 ${round(d.p99)} ms, max ${max} ms, mean ${round(d.mean)} ms (${d.samples} samples)`;
}

const loadText = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' ');
const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}x` : 'n/a');
const failed = (f: Record<string, number>): string => String(Object.values(f).reduce((a, b) => a + b, 0));
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');

/**
 * The calm and the adversarial phase side by side, the ratio adversarial / calm, and the goals of
 * the hardening issue: the well-behaved p99 at most 3x the calm one, no errors for them, an
 * event-loop delay p99 under 50 ms.
 */
export function formatComparison(calm: PhaseSummary, adv: PhaseSummary): string[] {
  const widths = [36, 14, 14, 10];
  const delay = (d: PhaseSummary['eventLoop'], key: 'p50' | 'p99'): string => ('missing' in d ? 'n/a' : round(d[key]));
  const delayMax = (d: PhaseSummary['eventLoop']): string => ('missing' in d ? 'n/a' : d.maxBound === Infinity ? '>5000' : `<=${d.maxBound}`);
  const delayRatio = (key: 'p50' | 'p99'): string => ('missing' in calm.eventLoop || 'missing' in adv.eventLoop ? 'n/a' : ratio(adv.eventLoop[key], calm.eventLoop[key]));
  const p99Delays = [calm, adv].map((p) => ('missing' in p.eventLoop ? undefined : p.eventLoop.p99 < 50));
  const delayGoal = p99Delays.includes(undefined) ? undefined : !p99Delays.includes(false);
  return [
    pad(['', 'calm', 'adversarial', 'ratio'], widths),
    pad(['well-behaved requests/s', round(calm.requestsPerSecond), round(adv.requestsPerSecond), ratio(adv.requestsPerSecond, calm.requestsPerSecond)], widths),
    pad(['well-behaved p50 ms', round(calm.p50), round(adv.p50), ratio(adv.p50, calm.p50)], widths),
    pad(['well-behaved p99 ms', round(calm.p99), round(adv.p99), ratio(adv.p99, calm.p99)], widths),
    pad(['well-behaved errors', String(calm.errors), String(adv.errors), ''], widths),
    pad(['well-behaved open at the end', String(calm.open), String(adv.open), ''], widths),
    pad(['/healthz p50 ms', round(calm.healthz.p50), round(adv.healthz.p50), ratio(adv.healthz.p50, calm.healthz.p50)], widths),
    pad(['/healthz p99 ms', round(calm.healthz.p99), round(adv.healthz.p99), ratio(adv.healthz.p99, calm.healthz.p99)], widths),
    pad(['/healthz max ms', round(calm.healthz.max), round(adv.healthz.max), ratio(adv.healthz.max, calm.healthz.max)], widths),
    pad(['/healthz failed', failed(calm.healthz.failures), failed(adv.healthz.failures), ''], widths),
    pad(['event-loop delay p50 ms', delay(calm.eventLoop, 'p50'), delay(adv.eventLoop, 'p50'), delayRatio('p50')], widths),
    pad(['event-loop delay p99 ms', delay(calm.eventLoop, 'p99'), delay(adv.eventLoop, 'p99'), delayRatio('p99')], widths),
    pad(['event-loop delay max ms', delayMax(calm.eventLoop), delayMax(adv.eventLoop), ''], widths),
    pad(['load average at start (1/5/15 min)', loadText(calm.loadAverage.start), loadText(adv.loadAverage.start), ''], [36, 20, 20]),
    pad(['load average at end (1/5/15 min)', loadText(calm.loadAverage.end), loadText(adv.loadAverage.end), ''], [36, 20, 20]),
    '',
    `goal: well-behaved p99 under attack at most 3x the calm p99: ${verdict(adv.p99 <= 3 * calm.p99)} (${ratio(adv.p99, calm.p99)})`,
    `goal: 0 errors for the well-behaved clients: ${verdict(calm.errors === 0 && adv.errors === 0)} (calm ${calm.errors}, adversarial ${adv.errors})`,
    `goal: event-loop delay p99 under 50 ms: ${verdict(delayGoal)}${delayGoal === undefined ? '' : ` (calm ${delay(calm.eventLoop, 'p99')} ms, adversarial ${delay(adv.eventLoop, 'p99')} ms)`}`,
  ];
}
