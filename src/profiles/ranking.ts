import { LEVEL_POINTS, notApplicableReason, type AssessmentLevel } from '../model';
import type { RankingCandidate } from './repository';

/** One ranked item with its score and per-criterion breakdown. */
export interface RankedItem {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly score: number;
  readonly unknownWeight: number;
  readonly breakdown: readonly { criterion: string; level: AssessmentLevel; weight: number; points: number; evidence: string }[];
  readonly unknown: readonly string[];
}

/**
 * Orders candidates by sum(weight x points) / sum(weights) over the weighted criteria (weights as
 * given; those of 0 count nothing), best first; ties by name, then id. A criterion without an
 * assessment is unknown and earns 0 points, like an unknown assessment. Scores are rounded to nine
 * decimals, so that items with the same levels tie exactly.
 */
export function rank(candidates: readonly RankingCandidate[], weights: Readonly<Record<string, number>>): RankedItem[] {
  const criteria = Object.keys(weights)
    .filter((c) => (weights[c] as number) > 0)
    .sort();
  const total = criteria.reduce((a, c) => a + (weights[c] as number), 0);
  const ranked = candidates.map((c) => {
    let sum = 0;
    let unknownWeight = 0;
    const breakdown = criteria.map((criterion) => {
      const a = c.levels[criterion];
      const level = (a?.level ?? 'unknown') as AssessmentLevel;
      const weight = (weights[criterion] as number) / total;
      const points = LEVEL_POINTS[level] ?? 0;
      sum += weight * points;
      if (level === 'unknown') unknownWeight += weight;
      return { criterion, level, weight, points, evidence: a?.evidence ?? 'inferred' };
    });
    return {
      id: c.id,
      label: c.label,
      name: c.name,
      // Rounded to 9 decimals: equal levels give equal scores whatever the order of the sum (ties then go by name).
      score: total > 0 ? Math.round(sum * 1e9) / 1e9 : 0,
      unknownWeight,
      breakdown,
      unknown: breakdown.filter((b) => b.level === 'unknown').map((b) => b.criterion),
    };
  });
  return ranked.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Splits candidates into those the criteria apply to and those a ranking leaves out, each of the
 * latter with the reason (physical infrastructure is not assessed on software criteria).
 */
export function applicable(candidates: readonly RankingCandidate[]): { ranked: RankingCandidate[]; excluded: { id: string; name: string; reason: string }[] } {
  const ranked: RankingCandidate[] = [];
  const excluded: { id: string; name: string; reason: string }[] = [];
  for (const c of candidates) {
    const reason = notApplicableReason(c.label, c.kind);
    if (reason === null) ranked.push(c);
    else excluded.push({ id: c.id, name: c.name, reason });
  }
  excluded.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return { ranked, excluded };
}
