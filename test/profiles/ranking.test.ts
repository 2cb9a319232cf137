import { DSTACK_CRITERIA, type AssessmentLevel } from '../../src/model';
import { rank } from '../../src/profiles/ranking';
import type { RankingCandidate } from '../../src/profiles/repository';
import { intRng } from '../support/random';


const LEVELS: AssessmentLevel[] = ['met', 'partly', 'not-met', 'unknown'];

describe('ranking by weighted criteria', () => {
  it('orders random items by a plain weighted sum on random weights (unknown scores 0)', () => {
    const rnd = intRng(7);
    for (let round = 0; round < 50; round++) {
      const candidates: RankingCandidate[] = Array.from({ length: 40 }, (_, i) => ({
        id: `item-${String(i).padStart(2, '0')}`,
        label: rnd(2) ? 'Component' : 'Standard',
        name: `Item ${rnd(10)}`,
        levels: Object.fromEntries(DSTACK_CRITERIA.filter(() => rnd(6) > 0).map((c) => [c, { level: LEVELS[rnd(4)] as string, evidence: 'inferred' }])),
      }));
      const weights = Object.fromEntries(DSTACK_CRITERIA.filter(() => rnd(3) > 0).map((c) => [c, rnd(5)]));
      if (!Object.values(weights).some((w) => w > 0)) weights[DSTACK_CRITERIA[0] as string] = 1;
      const ranked = rank(candidates, weights);
      // The plain computation.
      const points: Record<string, number> = { met: 1, partly: 0.5, 'not-met': 0, unknown: 0 };
      const total = Object.values(weights).reduce((a, b) => a + b, 0);
      const expected = candidates
        .map((c) => ({ id: c.id, name: c.name, score: Math.round(Object.entries(weights).reduce((s, [k, w]) => s + (w / total) * (points[c.levels[k]?.level ?? 'unknown'] as number), 0) * 1e9) / 1e9 }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      expect(ranked.map((r) => r.id)).toEqual(expected.map((e) => e.id));
      ranked.forEach((r, i) => expect(r.score).toBeCloseTo((expected[i] as { score: number }).score, 9));
      for (const r of ranked) {
        const unknown = r.breakdown.filter((b) => b.level === 'unknown');
        expect(r.unknown).toEqual(unknown.map((b) => b.criterion));
        expect(r.unknownWeight).toBeCloseTo(unknown.reduce((a, b) => a + b.weight, 0), 12);
        expect(r.breakdown.reduce((a, b) => a + b.weight, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('gives an item with every weighted criterion unknown the score 0, never more than one with a met', () => {
    const c = (id: string, level: string): RankingCandidate => ({ id, label: 'Component', name: id, levels: { [DSTACK_CRITERIA[0] as string]: { level, evidence: 'inferred' } } });
    const ranked = rank([c('a', 'unknown'), c('b', 'met'), c('c', 'partly')], { [DSTACK_CRITERIA[0] as string]: 1 });
    expect(ranked.map((r) => [r.id, r.score])).toEqual([
      ['b', 1],
      ['c', 0.5],
      ['a', 0],
    ]);
  });
});
