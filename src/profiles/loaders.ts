import DataLoader from 'dataloader';
import type { Database } from '../neo4j/db';
import {
  assessmentsByIds,
  historyOf,
  inclusionFacts,
  inclusionsByIds,
  listChanges,
  loads,
  profilesByIds,
  rankingCandidates,
  type AssessmentRow,
  type ChangeFilterValues,
  type InclusionFacts,
  type InclusionRow,
  type ProfileRow,
  type RankingCandidate,
  type RankingFilterValues,
} from './repository';
import type { ChangeRecord, LoadRecord } from './records';

/** The per-request loaders of profiles: N items cost one query per kind of fact, never N. */
export interface ProfileLoaders {
  readonly profileById: DataLoader<string, ProfileRow | null>;
  readonly assessmentsById: DataLoader<string, AssessmentRow[]>;
  readonly inclusionsById: DataLoader<string, InclusionRow[]>;
  /** History per node, batched per `first`. */
  history(id: string, first: number): Promise<ChangeRecord[]>;
  readonly loadById: DataLoader<string, LoadRecord | null>;
  candidates(filter: RankingFilterValues, criteria: readonly string[]): Promise<RankingCandidate[]>;
  inclusion(item: string, stack: string): Promise<InclusionFacts>;
  changes(filter: ChangeFilterValues, skip: number, limit: number): Promise<{ total: number; changes: ChangeRecord[] }>;
  recentLoads(limit: number): Promise<LoadRecord[]>;
}

export function createProfileLoaders(db: Database): ProfileLoaders {
  const histories = new Map<number, DataLoader<string, ChangeRecord[]>>();
  return {
    profileById: new DataLoader((ids) => db.read((tx) => profilesByIds(tx, ids))),
    assessmentsById: new DataLoader((ids) => db.read((tx) => assessmentsByIds(tx, ids))),
    inclusionsById: new DataLoader((ids) => db.read((tx) => inclusionsByIds(tx, ids))),
    history: (id, first) => {
      let l = histories.get(first);
      if (!l) histories.set(first, (l = new DataLoader((ids) => db.read((tx) => historyOf(tx, ids, first)))));
      return l.load(id);
    },
    loadById: new DataLoader(async (ids) => {
      const rows = await db.read((tx) => loads(tx, ids, ids.length));
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    candidates: (filter, criteria) => db.read((tx) => rankingCandidates(tx, filter, criteria)),
    inclusion: (item, stack) => db.read((tx) => inclusionFacts(tx, item, stack)),
    changes: (filter, skip, limit) => db.read((tx) => listChanges(tx, filter, skip, limit)),
    recentLoads: (limit) => db.read((tx) => loads(tx, null, limit)),
  };
}
