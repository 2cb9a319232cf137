import path from 'node:path';
import type { Logger } from '../logger';
import type { Db } from '../neo4j/db';
import { projectRoot } from '../paths';
import { assemble, countGraph, type Graph } from './assemble';
import { SeedValidationError, type GraphPart } from './graph';
import { refreshPlannerStatistics } from './repository';
import { readClassification, readLandscape } from './sources/landscape';
import { readOzgCatalogue } from './sources/ozgCatalogue';
import { readSeedFiles } from './sources/seedFiles';
import { writeGraph, type ProgressFn, type WriteSummary } from './writeGraph';

/** Where the loader reads from: the two data sets and the hand-written seed files. */
export interface SeedSources {
  readonly ozgCatalogueDir: string;
  readonly landscapeDir: string;
  readonly seedsDir: string;
  /** Paths in messages are relative to this folder. */
  readonly displayRoot: string;
}

/** The copies shipped in the repository (seeds/datasets/, taken from ../shared/data/ with their licences). */
export function defaultSources(): SeedSources {
  const seedsDir = path.join(projectRoot, 'seeds');
  return {
    ozgCatalogueDir: path.join(seedsDir, 'datasets', 'ozg-katalog-nrw-2019'),
    landscapeDir: path.join(seedsDir, 'datasets', 'd-stack-landscape'),
    seedsDir,
    displayRoot: projectRoot,
  };
}

/** Reads and validates every source; throws SeedValidationError listing every problem. */
export function buildGraph(sources: SeedSources): Graph {
  const { classification, issues: classIssues } = readClassification(path.join(sources.seedsDir, 'landscape-classification.yaml'), sources.displayRoot);
  const parts: GraphPart[] = [
    { nodes: [], edges: [], issues: classIssues },
    readOzgCatalogue(sources.ozgCatalogueDir, sources.displayRoot),
    readLandscape(sources.landscapeDir, classification, sources.displayRoot),
    readSeedFiles(sources.seedsDir, sources.displayRoot),
  ];
  const { graph, issues } = assemble(parts);
  if (issues.length > 0) throw new SeedValidationError(issues);
  return graph;
}

/** What a seed run read and wrote. */
export interface SeedResult {
  readonly counts: ReturnType<typeof countGraph>;
  readonly summary: WriteSummary;
}

/** Validates everything, then writes it in one transaction (nothing is written when validation fails). */
export async function runSeed(db: Db, sources: SeedSources, log: Logger, onProgress?: ProgressFn): Promise<SeedResult> {
  const t0 = Date.now();
  const graph = buildGraph(sources);
  const counts = countGraph(graph);
  log.info({ nodes: graph.nodes.length, relationships: graph.edges.length, validateMs: Date.now() - t0 }, 'seed data validated');
  const summary = await writeGraph(db, graph, onProgress);
  try {
    await db.write(refreshPlannerStatistics);
  } catch (e) {
    // Needs admin rights on some servers; the data is committed either way.
    log.warn({ err: e }, 'could not refresh index statistics and query plans after the load; queries may be slow until Neo4j replans');
  }
  const total = (o: WriteSummary['nodes']): { created: number; changed: number; unchanged: number } =>
    Object.values(o).reduce((a, b) => ({ created: a.created + b.created, changed: a.changed + b.changed, unchanged: a.unchanged + b.unchanged }), { created: 0, changed: 0, unchanged: 0 });
  log.info({ nodes: total(summary.nodes), relationships: total(summary.relationships), writeMs: summary.ms }, 'seed data written');
  return { counts, summary };
}
