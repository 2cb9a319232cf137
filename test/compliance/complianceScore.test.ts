import { complianceCoverage, complianceScore } from '../../src/compliance/score';

const group = (met: number, violated: number, exempted: number, notAssessable: number) => ({ met, violated, exempted, notAssessable, items: [] });

describe('the compliance score', () => {
  it('is null, not 1, when nothing could be assessed, and says so', () => {
    expect(complianceScore(group(0, 0, 0, 3), group(0, 0, 0, 2))).toBeNull();
    const c = complianceCoverage(group(0, 0, 0, 3), group(0, 0, 0, 2));
    expect(c).toMatchObject({ requirements: 5, assessed: 0, notAssessable: 5, assessedShare: 0 });
    expect(c.note).toContain('no score');
    expect(complianceCoverage(group(0, 0, 0, 0), group(0, 0, 0, 0))).toMatchObject({ requirements: 0, assessedShare: null });
  });

  it('scores only the assessable requirements (MUSS twice) and says how many were left out', () => {
    expect(complianceScore(group(1, 1, 0, 4), group(1, 0, 0, 0))).toBeCloseTo(3 / 5);
    const c = complianceCoverage(group(1, 1, 0, 4), group(1, 0, 0, 0));
    expect(c).toMatchObject({ requirements: 7, assessed: 3, notAssessable: 4 });
    expect(c.assessedShare).toBeCloseTo(3 / 7);
    expect(c.note).toBe('The score covers 3 of 7 requirements; 4 could not be assessed.');
    expect(complianceScore(group(2, 0, 1, 0), group(0, 0, 0, 0))).toBe(1);
  });
});
