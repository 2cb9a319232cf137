import { InputError } from '../errors';
import type { ProgressReportRow } from './repository';

/** Organisations per status at the end of one period. */
export interface ProgressPointRecord {
  readonly period: string;
  readonly planned: number;
  readonly piloting: number;
  readonly inUse: number;
  readonly retired: number;
}

/** The series of one Land and level. */
export interface ProgressSeriesRecord {
  readonly land: string;
  readonly landName: string;
  readonly level: string;
  readonly points: ProgressPointRecord[];
}

/** A period: its label and its last day. */
export interface Period {
  readonly label: string;
  readonly end: string;
}

/** Most periods one answer holds. */
export const MAX_PERIODS = 120;
/** Most series one answer holds. */
export const MAX_SERIES = 100;

const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * The months or quarters from `from` to `to` (YYYY-MM, both included), each with its last day;
 * BAD_USER_INPUT for a malformed month, `to` before `from`, or more than MAX_PERIODS periods.
 */
export function periodsOf(from: string, to: string, interval: 'month' | 'quarter'): Period[] {
  const parse = (v: string, arg: string): number => {
    const m = MONTH.exec(v);
    const month = m ? Number(m[2]) : 0;
    if (!m || month < 1 || month > 12) throw new InputError(`${arg} must be a month as YYYY-MM, got "${v}"`, { argument: arg });
    return Number(m[1]) * 12 + month - 1;
  };
  let start = parse(from, 'from');
  const end = parse(to, 'to');
  if (end < start) throw new InputError(`to (${to}) is before from (${from})`, { argument: 'to' });
  if (interval === 'quarter') start -= start % 3;
  const step = interval === 'quarter' ? 3 : 1;
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_PERIODS) throw new InputError(`from ${from} to ${to} are ${count} ${interval}s; ask for at most ${MAX_PERIODS}`, { argument: 'to' });
  const periods: Period[] = [];
  for (let m = start; m <= end; m += step) {
    const last = m + step - 1;
    const year = Math.floor(last / 12);
    const month = (last % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const label = interval === 'quarter' ? `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}` : `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    periods.push({ label, end: `${year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` });
  }
  return periods;
}

const emptyPoint = (period: string): { period: string; planned: number; piloting: number; inUse: number; retired: number } => ({ period, planned: 0, piloting: 0, inUse: 0, retired: 0 });

/**
 * The time series (pure): at each period's end, every organisation counts once, at the status of its
 * latest report dated on or before that day (a later report of the same date wins); series per Land
 * and level, and the total.
 */
export function adoptionSeries(rows: readonly ProgressReportRow[], periods: readonly Period[]): { series: ProgressSeriesRecord[]; total: ProgressPointRecord[] } {
  const sorted = [...rows].sort((a, b) => (a.date === b.date ? a.reportedAt.localeCompare(b.reportedAt) : a.date.localeCompare(b.date)));
  const seriesByKey = new Map<string, ProgressSeriesRecord & { points: ReturnType<typeof emptyPoint>[] }>();
  const total = periods.map((p) => emptyPoint(p.label));
  const state = new Map<string, ProgressReportRow>();
  let next = 0;
  periods.forEach((period, i) => {
    while (next < sorted.length && (sorted[next] as ProgressReportRow).date <= period.end) {
      const r = sorted[next] as ProgressReportRow;
      state.set(r.organization, r);
      next += 1;
    }
    for (const r of state.values()) {
      const key = `${r.land}|${r.level}`;
      let s = seriesByKey.get(key);
      if (!s) {
        s = { land: r.land, landName: r.landName, level: r.level, points: periods.map((p) => emptyPoint(p.label)) };
        seriesByKey.set(key, s);
      }
      const field = r.status === 'in-use' ? 'inUse' : r.status === 'planned' || r.status === 'piloting' || r.status === 'retired' ? r.status : null;
      if (field === null) continue;
      (s.points[i] as ReturnType<typeof emptyPoint>)[field] += 1;
      (total[i] as ReturnType<typeof emptyPoint>)[field] += 1;
    }
  });
  const series = [...seriesByKey.values()].sort((a, b) => a.landName.localeCompare(b.landName) || a.level.localeCompare(b.level)).slice(0, MAX_SERIES);
  return { series, total };
}
