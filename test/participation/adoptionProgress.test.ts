import { describe, expect, it } from '@jest/globals';
import { adoptionSeries, periodsOf } from '../../src/participation/adoptionProgress';
import type { ProgressReportRow } from '../../src/participation/repository';

const row = (organization: string, status: string, date: string, land = 'org:land-niedersachsen', level = 'Kommune', reportedAt = `${date}T12:00:00Z`): ProgressReportRow => ({ organization, level, status, date, reportedAt, land, landName: land.replace('org:land-', ''), });

describe('periodsOf', () => {
  it('lists months with their last day, leap years included', () => {
    expect(periodsOf('2024-01', '2024-03', 'month')).toEqual([
      { label: '2024-01', end: '2024-01-31' },
      { label: '2024-02', end: '2024-02-29' },
      { label: '2024-03', end: '2024-03-31' },
    ]);
  });
  it('lists quarters from the quarter that holds `from`', () => {
    expect(periodsOf('2026-02', '2026-12', 'quarter').map((p) => [p.label, p.end])).toEqual([
      ['2026-Q1', '2026-03-31'],
      ['2026-Q2', '2026-06-30'],
      ['2026-Q3', '2026-09-30'],
      ['2026-Q4', '2026-12-31'],
    ]);
  });
  it('refuses malformed months, a reversed range and more than 120 periods', () => {
    expect(() => periodsOf('2026-13', '2026-12', 'month')).toThrow(/from must be a month/);
    expect(() => periodsOf('2026-05', '2026-04', 'month')).toThrow(/before from/);
    expect(() => periodsOf('2000-01', '2026-12', 'month')).toThrow(/at most 120/);
  });
});

describe('adoptionSeries', () => {
  it('counts each organisation once, at the status of its latest report by each period end', () => {
    const periods = periodsOf('2026-01', '2026-04', 'month');
    const rows = [row('org:a', 'planned', '2026-01-10'), row('org:a', 'piloting', '2026-02-20'), row('org:a', 'in-use', '2026-04-01'), row('org:b', 'in-use', '2026-02-01'), row('org:c', 'planned', '2026-03-05', 'org:land-bayern')];
    const { series, total } = adoptionSeries(rows, periods);
    expect(total).toEqual([
      { period: '2026-01', planned: 1, piloting: 0, inUse: 0, retired: 0 },
      { period: '2026-02', planned: 0, piloting: 1, inUse: 1, retired: 0 },
      { period: '2026-03', planned: 1, piloting: 1, inUse: 1, retired: 0 },
      { period: '2026-04', planned: 1, piloting: 0, inUse: 2, retired: 0 },
    ]);
    expect(series.map((s) => s.land)).toEqual(['org:land-bayern', 'org:land-niedersachsen']);
    expect(series[1]?.points[3]).toEqual({ period: '2026-04', planned: 0, piloting: 0, inUse: 2, retired: 0 });
  });
  it('takes the later of two reports of the same day', () => {
    const periods = periodsOf('2026-01', '2026-01', 'month');
    const rows = [row('org:a', 'in-use', '2026-01-10', undefined, undefined, '2026-01-10T09:00:00Z'), row('org:a', 'retired', '2026-01-10', undefined, undefined, '2026-01-10T10:00:00Z')];
    expect(adoptionSeries(rows, periods).total[0]).toMatchObject({ inUse: 0, retired: 1 });
  });
});
