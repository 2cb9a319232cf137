import { intParam, type Tx } from '../neo4j/db';
import { query, type Query } from '../neo4j/query';
import type { SeedGraph } from './plan';
import { SYNTHETIC_PREFIX, SYNTHETIC_PROVENANCE, type WriteBatch } from './rows';

/** What the generator recorded of the last complete generation (all null when there is none). */
export interface GeneratorRun {
  readonly fingerprint: string | null;
  readonly scale: number | null;
  readonly seed: number | null;
  readonly nodes: number | null;
  readonly relationships: number | null;
}

const seedGraphQuery = query<SeedGraph>('generate/seedGraph');
const syntheticNodeCountQuery = query<{ count: number }>('generate/syntheticNodeCount');
const generatorRunQuery = query<GeneratorRun>('generate/generatorRun');
const recordGeneratorRunQuery = query<{ fingerprint: string }>('generate/recordGeneratorRun');
const forgetGeneratorRunQuery = query<{ deleted: number }>('generate/forgetGeneratorRun');
const removeSyntheticNodesQuery = query<{ deleted: number }>('generate/removeSyntheticNodes');
const createQueries: Record<WriteBatch['statement'], Query<{ created: number }>> = {
  createOrganizations: query('generate/createOrganizations'),
  createComponents: query('generate/createComponents'),
  createServices: query('generate/createServices'),
  createPartOf: query('generate/createPartOf'),
  createDependsOn: query('generate/createDependsOn'),
  createInLayer: query('generate/createInLayer'),
  createUses: query('generate/createUses'),
  createOffers: query('generate/createOffers'),
};

/** The real seed graph's Länder, components and service templates (synthetic nodes left out). */
export async function readSeedGraph(tx: Tx): Promise<SeedGraph> {
  const [row] = await tx.run(seedGraphQuery, { prefix: SYNTHETIC_PREFIX });
  return row ?? { lands: [], components: [], services: [] };
}

/** How many synthetic nodes exist. */
export async function syntheticNodeCount(tx: Tx): Promise<number> {
  const [row] = await tx.run(syntheticNodeCountQuery, { prefix: SYNTHETIC_PREFIX });
  return row?.count ?? 0;
}

/** The record of the last complete generation. */
export async function generatorRun(tx: Tx): Promise<GeneratorRun> {
  const [row] = await tx.run(generatorRunQuery);
  return row ?? { fingerprint: null, scale: null, seed: null, nodes: null, relationships: null };
}

/** Records a complete generation (call it in the transaction of its last batch). */
export async function recordGeneratorRun(tx: Tx, run: { fingerprint: string; scale: number; seed: number; nodes: number; relationships: number }): Promise<void> {
  await tx.run(recordGeneratorRunQuery, { ...run, seed: intParam(run.seed), nodes: intParam(run.nodes), relationships: intParam(run.relationships) });
}

/** Deletes the record of the last generation; returns 1 when there was one. */
export async function forgetGeneratorRun(tx: Tx): Promise<number> {
  const [row] = await tx.run(forgetGeneratorRunQuery);
  return row?.deleted ?? 0;
}

/** Deletes up to `limit` synthetic nodes with their relationships; returns how many it deleted. */
export async function removeSyntheticNodes(tx: Tx, limit: number): Promise<number> {
  const [row] = await tx.run(removeSyntheticNodesQuery, { prefix: SYNTHETIC_PREFIX, limit: intParam(limit) });
  return row?.deleted ?? 0;
}

/** Writes one batch with CREATE; throws when a relationship's end is missing (the transaction then rolls back). */
export async function writeBatch(tx: Tx, batch: WriteBatch): Promise<number> {
  const [row] = await tx.run(createQueries[batch.statement], { rows: batch.rows, provenance: SYNTHETIC_PROVENANCE });
  const created = row?.created ?? 0;
  if (created !== batch.rows.length) throw new Error(`${batch.statement}: only ${created} of ${batch.rows.length} rows written (an end is missing)`);
  return created;
}
