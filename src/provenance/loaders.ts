import DataLoader from 'dataloader';
import type { Database } from '../neo4j/db';
import type { GraphVersionWatcher } from '../system/GraphVersionWatcher';
import { coverageCache } from './coverageCache';
import type { CitingNodeRecord, CitingRelationshipRecord, CoverageRecord, RuleRecord, SourceRecord } from './records';
import { allRules, coverage, listSources, sourceFactNodes, sourceFactRelationships, sourcesByIds, type SourceListFilter, staleFacts, type StaleFactRow } from './repository';

/** The per-request loaders of provenance: sources by id (one query for all citations of a response), rules. */
export interface ProvenanceLoaders {
  readonly sourceById: DataLoader<string, SourceRecord | null>;
  /** Every rule, read once per request. */
  rules(): Promise<RuleRecord[]>;
  ruleById(id: string): Promise<RuleRecord | null>;
  list(filter: SourceListFilter, skip: number, limit: number): Promise<{ total: number; sources: SourceRecord[] }>;
  /** A page of the nodes citing source `id` after the key `after`, with the stored properties `fields`. */
  factNodes(id: string, after: readonly string[] | null, first: number, fields: readonly string[]): Promise<CitingNodeRecord[]>;
  /** A page of the relationships citing source `id` after the key `after`, their ends with the given properties. */
  factRelationships(id: string, after: readonly string[] | null, first: number, fromFields: readonly string[], toFields: readonly string[]): Promise<CitingRelationshipRecord[]>;
  /** Known component use of all services (cached per graph version). */
  coverage(): Promise<CoverageRecord>;
  /** A page of the facts not re-checked since `cutoff` (YYYY-MM-DD) and their count. */
  stale(cutoff: string, after: string | null, first: number): Promise<{ total: number; rows: StaleFactRow[] }>;
}

/** Creates the provenance loaders of one request; `versions` says the graph version coverage is cached under. */
export function createProvenanceLoaders(db: Database, versions: Pick<GraphVersionWatcher, 'current'>): ProvenanceLoaders {
  let rules: Promise<RuleRecord[]> | undefined;
  let cov: Promise<CoverageRecord> | undefined;
  const readRules = (): Promise<RuleRecord[]> => (rules ??= db.read((tx) => allRules(tx)));
  return {
    sourceById: new DataLoader((ids) => db.read((tx) => sourcesByIds(tx, ids))),
    rules: readRules,
    ruleById: async (id) => (await readRules()).find((r) => r.id === id) ?? null,
    list: (filter, skip, limit) => db.read((tx) => listSources(tx, filter, skip, limit)),
    factNodes: (id, after, first, fields) => db.read((tx) => sourceFactNodes(tx, id, after, first, fields)),
    factRelationships: (id, after, first, fromFields, toFields) => db.read((tx) => sourceFactRelationships(tx, id, after, first, fromFields, toFields)),
    // Read once per request; computed once per graph version and process.
    coverage: () => (cov ??= versions.current().then((v) => coverageCache.get(v, () => db.read((tx) => coverage(tx))))),
    stale: (cutoff, after, first) => db.read((tx) => staleFacts(tx, cutoff, after, first)),
  };
}
