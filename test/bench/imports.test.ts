import { describe, expect, it } from '@jest/globals';
import { importGoals } from '../../bench/imports';

describe('importGoals', () => {
  it('judges each timed import against 10 s', () => {
    const goals = importGoals([
      { kind: 'adoption', dryRun: true, rows: 10_000, changes: 500, ms: 2_500 },
      { kind: 'use', dryRun: false, rows: 10_000, changes: 800, ms: 12_000 },
    ]);
    expect(goals.map((g) => [g.goal, g.phase, g.value, g.met])).toEqual([
      ['a 10,000-row adoption CSV import under 10 s', 'dry run', '2.5 s', true],
      ['a 10,000-row use CSV import under 10 s', 'commit', '12.0 s', false],
    ]);
  });

  it('tells imports that did not run from imports that failed', () => {
    expect(importGoals([])[0]).toMatchObject({ value: 'not run (--import-rows 0)', met: null });
    expect(importGoals([], 'the use import failed: QUERY_TIMEOUT')[0]).toMatchObject({ value: 'failed: the use import failed: QUERY_TIMEOUT', met: false });
  });
});
