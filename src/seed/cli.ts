import fs from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { createLogger, type Logger } from '../logger';
import { applySchema } from '../neo4j/applySchema';
import { connectForCli, loadCliConfig } from '../neo4j/connectForCli';
import { hostOf } from '../model';
import { formatIssue, SeedValidationError } from './graph';
import { formatHostReview, unreviewedHosts } from './hostReview';
import { buildGraph, defaultSources, formatCuration, formatProvenance, runSeed, summarizeProvenance, type SeedSources } from './seed';
import { isLandscape } from './sources/landscape';
import { isOzgCatalogue } from './sources/ozgCatalogue';
import type { WriteSummary } from './writeGraph';

const USAGE = `Usage:
  npm run seed                      validate and load the shipped data sets and seeds/*.yaml
  npm run seed -- --check           only validate (no database needed)
  npm run import -- <folder> ...    load a newer copy of the OZG catalogue and/or the D-Stack landscape
                                    (a folder with leika_leistungen.csv, or one with items/, layers/, stacks/)
                                    together with everything else; add --check to only validate.

The database: NEO4J_URI when set; else the running \`npm start\` on 127.0.0.1:NEO4J_BOLT_PORT;
else the embedded Neo4j is started for the load and stopped afterwards.`;

/** Parses the command line into sources and flags; throws a message for bad arguments. */
export function parseArgs(argv: readonly string[], base: SeedSources = defaultSources()): { sources: SeedSources; check: boolean; help: boolean } {
  let sources = base;
  let check = false;
  let help = false;
  for (const arg of argv) {
    if (arg === '--check') check = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else {
      const dir = path.resolve(arg);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${arg} is not a folder`);
      if (isOzgCatalogue(dir)) sources = { ...sources, ozgCatalogueDir: dir };
      else if (isLandscape(dir)) sources = { ...sources, landscapeDir: dir };
      else throw new Error(`${arg} is neither an OZG catalogue (leika_leistungen.csv, themenfelder.csv) nor a D-Stack landscape (items/, layers/, stacks/)`);
    }
  }
  return { sources, check, help };
}

/** Reports progress of a long write: done and total rows of the current phase. */
export type ProgressReport = (done: number, total: number, phase: string) => void;

/** A progress bar on a terminal; a log line per quarter elsewhere. `verb` opens the bar and the lines. */
export function progressReporter(log: Logger, verb = 'loading'): { onProgress: ProgressReport; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: `${verb} {phase} [{bar}] {percentage}% | {value}/{total} rows | {duration}s`, stream: process.stderr, hideCursor: true });
    let started = false;
    return {
      onProgress: (done, total, phase) => {
        if (!started) {
          bar.start(total, 0, { phase });
          started = true;
        }
        bar.update(done, { phase });
        if (done >= total) {
          bar.stop();
          started = false;
        }
      },
      stop: () => {
        if (started) bar.stop();
        started = false;
      },
    };
  }
  let lastQuarter = -1;
  return {
    onProgress: (done, total, phase) => {
      const quarter = Math.floor((4 * done) / total);
      if (quarter !== lastQuarter) {
        lastQuarter = quarter;
        log.info({ done, total, phase }, `${verb}: ${Math.round((100 * done) / total)}%`);
      }
    },
    stop: () => undefined,
  };
}

/** Prints the per-label and per-type table of a load. */
export function formatSummary(summary: WriteSummary): string {
  const row = (k: string, v: { created: number; changed: number; unchanged: number; removed: number }): string =>
    `  ${k.padEnd(20)}${String(v.created).padStart(7)}${String(v.changed).padStart(9)}${String(v.removed).padStart(9)}${String(v.unchanged).padStart(11)}`;
  const lines = ['', 'nodes                 created  changed  removed  unchanged'];
  for (const [k, v] of Object.entries(summary.nodes)) lines.push(row(k, v));
  lines.push('relationships');
  for (const [k, v] of Object.entries(summary.relationships)) lines.push(row(k, v));
  const l = summary.load;
  lines.push(
    `written in ${(summary.ms / 1000).toFixed(1)} s, in one transaction`,
    `change log: ${l.id}${l.itemised ? '' : ' (first load into an empty graph: counts only)'}: nodes +${l.nodesAdded} -${l.nodesRemoved} ~${l.nodesChanged}, relationships +${l.relationshipsAdded} -${l.relationshipsRemoved} ~${l.relationshipsChanged}`,
    `  ask: { changes(since: "${l.at.slice(0, 10)}") { totalCount } }`,
    '',
  );
  return lines.join('\n');
}

/** `npm run seed` / `npm run import`: validate, then load in one transaction with a progress bar. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 2;
  const log = createLogger(config, 'seed');
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (args.check) {
      const graph = buildGraph(args.sources);
      const hosts = new Set(graph.sources.map((s) => (s.url ? hostOf(s.url) : null)).filter((h) => h !== null)).size;
      process.stdout.write(
        `valid: ${graph.nodes.length} nodes and ${graph.edges.length} relationships; nothing written\n${formatProvenance(summarizeProvenance(graph))}${formatHostReview(unreviewedHosts(graph.sources, graph.reviewedHosts), hosts)}`,
      );
      return 0;
    }
    const { db, close } = await connectForCli(config, log);
    const progress = progressReporter(log);
    try {
      await applySchema(db, log);
      const { summary, provenance, curation } = await runSeed(db, args.sources, log, progress.onProgress);
      progress.stop();
      process.stdout.write(formatSummary(summary) + formatProvenance(provenance) + formatCuration(curation));
      return 0;
    } finally {
      progress.stop();
      await close();
    }
  } catch (e) {
    if (e instanceof SeedValidationError) {
      process.stderr.write(`${e.message}\nFix the entries above and run the command again.\n`);
      log.debug({ issues: e.issues.map(formatIssue) }, 'validation issues');
      return 1;
    }
    log.error({ err: e }, `seed failed: ${(e as Error).message}; nothing was written (the load is one transaction)`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
