import { createLogger, type Logger } from '../logger';
import { applySchema } from '../neo4j/applySchema';
import type { Db } from '../neo4j/db';
import { graphNodeCount, refreshPlannerStatistics } from '../seed/repository';
import { defaultSources, runSeed } from '../seed/seed';
import { bumpGraphVersion } from '../system/graphVersion';
import { planCounts, planGeneration, type GenerationPlan } from './plan';
import { forgetGeneratorRun, generatorRun, readSeedGraph, recordGeneratorRun, removeSyntheticNodes, syntheticNodeCount, writeBatch } from './repository';
import { writeBatches, type WriteBatch } from './rows';

/** Options of a generation; only `scale` is required. */
export interface GenerateOptions {
  /** 1 is Germany-sized (about 261,000 nodes and 1.27 million relationships); sizes scale linearly. */
  readonly scale: number;
  /** Seed of the pseudo-random generator (default 1): the same seed gives the same graph. */
  readonly seed?: number;
  /** Where progress and decisions are logged (default: nowhere). */
  readonly log?: Logger;
  /** Rows per UNWIND statement (default 10,000). */
  readonly batchSize?: number;
  /** Rows per write transaction at most (default 50,000), so that the transaction state stays small. */
  readonly transactionRows?: number;
}

/** What a generation wrote and how fast; rates are over the time of their own phase. */
export interface GenerateResult {
  /** Synthetic nodes written by this call (0 when the same generation was present already). */
  readonly nodes: number;
  /** Synthetic relationships written by this call. */
  readonly relationships: number;
  /** Wall time of the call, without loading the real seed into an empty database. */
  readonly ms: number;
  readonly nodesPerSecond: number;
  readonly relationshipsPerSecond: number;
  /** The real components with the most fan-in by construction, heaviest first. */
  readonly hubs: string[];
  /** True when the same generation (scale, seed, seed graph) was present and nothing was written. */
  readonly unchanged: boolean;
  /** Time spent writing nodes and relationships, in ms. */
  readonly nodeMs: number;
  readonly relationshipMs: number;
  /** Synthetic nodes of an earlier, different generation that were removed first. */
  readonly replaced: number;
  /** Write transactions of the generation (each advanced the graph version once). */
  readonly transactions: number;
}

/** Called after each batch: rows done and total of the phase. */
export type GenerateProgress = (done: number, total: number, phase: string) => void;

const silent = createLogger({ logLevel: 'silent', logFormat: 'json' }, 'generate');

/** Reads the real seed graph and plans the generation of `options` on it (nothing is written). */
export async function planFromDatabase(db: Db, options: { scale: number; seed?: number }): Promise<GenerationPlan> {
  return planGeneration(await db.read(readSeedGraph), options);
}

/**
 * Grows the real seed graph into a Germany-shaped synthetic graph (see plan.ts), loading the real
 * seed first when the database has no model node. Writes with CREATE in UNWIND batches, in bounded
 * transactions that each advance the graph version: nodes first, then relationships. Idempotent:
 * when the same generation is present it writes nothing; a different one is removed first.
 */
export async function generateGraph(db: Db, options: GenerateOptions, onProgress: GenerateProgress = () => undefined): Promise<GenerateResult> {
  const log = options.log ?? silent;
  if ((await db.read(graphNodeCount)) === 0) {
    log.info('the database has no model node: loading the real seed first');
    await applySchema(db, log);
    await runSeed(db, defaultSources(), log);
  }
  const t0 = Date.now();
  const plan = await planFromDatabase(db, options);
  const counts = planCounts(plan);
  const { run, present } = await db.read(async (tx) => ({ run: await generatorRun(tx), present: await syntheticNodeCount(tx) }));
  const none = { ms: 0, nodesPerSecond: 0, relationshipsPerSecond: 0, hubs: [...plan.hubs], nodeMs: 0, relationshipMs: 0 };
  if (run.fingerprint === plan.fingerprint && present === counts.totalNodes) {
    log.info({ fingerprint: plan.fingerprint, nodes: present }, 'this synthetic generation is present already; nothing written');
    return { ...none, nodes: 0, relationships: 0, ms: Date.now() - t0, unchanged: true, replaced: 0, transactions: 0 };
  }
  let replaced = 0;
  if (present > 0 || run.fingerprint !== null) {
    log.info({ present, was: run.fingerprint, now: plan.fingerprint }, 'replacing the synthetic nodes of another (or an incomplete) generation');
    replaced = (await removeSyntheticGraph(db, { onProgress, log })).nodes;
  }
  log.info({ fingerprint: plan.fingerprint, ...counts }, 'generating');

  const batchSize = options.batchSize ?? 10_000;
  const transactionRows = options.transactionRows ?? 50_000;
  const done = { nodes: 0, relationships: 0 };
  const ms = { nodes: 0, relationships: 0 };
  let transactions = 0;
  const batches = writeBatches(plan, batchSize);
  let pending = batches.next();
  while (!pending.done) {
    // One transaction: batches of one phase up to transactionRows rows.
    const group: WriteBatch[] = [];
    let rows = 0;
    while (!pending.done && (group.length === 0 || (pending.value.phase === group[0]!.phase && rows + pending.value.rows.length <= transactionRows))) {
      group.push(pending.value);
      rows += pending.value.rows.length;
      pending = batches.next();
    }
    const phase = group[0]!.phase;
    const total = phase === 'nodes' ? counts.totalNodes : counts.totalRelationships;
    const last = pending.done === true;
    const started = Date.now();
    await db.write(async (tx) => {
      let n = done[phase];
      for (const batch of group) {
        n += await writeBatch(tx, batch);
        onProgress(n, total, phase);
      }
      // The record of a complete generation commits with its last batch.
      if (last) await recordGeneratorRun(tx, { fingerprint: plan.fingerprint, scale: plan.scale, seed: plan.seed, nodes: counts.totalNodes, relationships: counts.totalRelationships });
      await bumpGraphVersion(tx, 'generate');
    });
    done[phase] += rows;
    ms[phase] += Date.now() - started;
    transactions++;
  }
  await refreshStatistics(db, log);
  const rate = (n: number, t: number): number => (t > 0 ? Math.round((n * 1000) / t) : 0);
  return {
    nodes: done.nodes,
    relationships: done.relationships,
    ms: Date.now() - t0,
    nodesPerSecond: rate(done.nodes, ms.nodes),
    relationshipsPerSecond: rate(done.relationships, ms.relationships),
    hubs: [...plan.hubs],
    unchanged: false,
    nodeMs: ms.nodes,
    relationshipMs: ms.relationships,
    replaced,
    transactions,
  };
}

/**
 * Deletes every synthetic node (id `syn:...`) with its relationships, `batchSize` nodes per
 * transaction (default 10,000), and the record of the generation first. The real graph stays.
 */
export async function removeSyntheticGraph(db: Db, options: { onProgress?: GenerateProgress; log?: Logger; batchSize?: number } = {}): Promise<{ nodes: number; ms: number }> {
  const t0 = Date.now();
  const log = options.log ?? silent;
  const onProgress = options.onProgress ?? (() => undefined);
  const total = await db.read(syntheticNodeCount);
  const forgotten = await db.write(async (tx) => {
    const n = await forgetGeneratorRun(tx);
    if (n > 0) await bumpGraphVersion(tx, 'generate --remove');
    return n;
  });
  if (total === 0) {
    if (forgotten > 0) log.info('no synthetic node present; removed the record of the generation');
    return { nodes: 0, ms: Date.now() - t0 };
  }
  let removed = 0;
  for (;;) {
    const n = await db.write(async (tx) => {
      const deleted = await removeSyntheticNodes(tx, options.batchSize ?? 10_000);
      if (deleted > 0) await bumpGraphVersion(tx, 'generate --remove');
      return deleted;
    });
    if (n === 0) break;
    removed += n;
    onProgress(Math.min(removed, total), total, 'synthetic nodes');
  }
  await refreshStatistics(db, log);
  log.info({ nodes: removed, ms: Date.now() - t0 }, 'synthetic nodes removed');
  return { nodes: removed, ms: Date.now() - t0 };
}

async function refreshStatistics(db: Db, log: Logger): Promise<void> {
  try {
    await db.write(refreshPlannerStatistics);
  } catch (e) {
    // Needs admin rights on some servers; the data is committed either way.
    log.warn({ err: e }, 'could not refresh index statistics and query plans; queries may be slow until Neo4j replans');
  }
}
