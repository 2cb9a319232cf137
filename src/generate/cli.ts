import { createLogger } from '../logger';
import { applySchema } from '../neo4j/applySchema';
import { connectForCli, loadCliConfig } from '../neo4j/connectForCli';
import { progressReporter } from '../seed/cli';
import { generateGraph, removeSyntheticGraph, type GenerateResult } from './generate';
import { SIZES_AT_SCALE_1 } from './plan';

const USAGE = `Usage:
  npm run generate                       grow the real seed into a synthetic Germany-sized graph (scale 1)
  npm run generate -- --scale N          N times that size (N may be fractional, e.g. 0.02; at most 20)
  npm run generate -- --seed S           another pseudo-random graph (integer, default 1)
  npm run generate -- --remove           delete every synthetic node and relationship, then exit

Scale 1 adds ${SIZES_AT_SCALE_1.kreise} Kreise and ${SIZES_AT_SCALE_1.kommunen.toLocaleString('en')} Kommunen under the real Länder, ${SIZES_AT_SCALE_1.components.toLocaleString('en')} components and
${SIZES_AT_SCALE_1.services.toLocaleString('en')} services (about 1.27 million relationships). Every synthetic node and relationship has
synthetic: true, evidence: inferred, and an id starting with "syn:". Running it again with the same
scale and seed changes nothing; another scale or seed replaces the synthetic part.

The database: NEO4J_URI when set; else the running \`npm start\` on 127.0.0.1:NEO4J_BOLT_PORT;
else the embedded Neo4j is started for the command and stopped afterwards.`;

/** The command line of `npm run generate`. */
export interface GenerateArgs {
  readonly scale: number;
  readonly seed: number;
  readonly remove: boolean;
  readonly help: boolean;
}

/** Parses the command line; throws a message for bad arguments. */
export function parseArgs(argv: readonly string[]): GenerateArgs {
  let scale = 1;
  let seed = 1;
  let remove = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--scale') {
      const v = value();
      scale = Number(v);
      if (!/^\d*\.?\d+(e-?\d+)?$/i.test(v) || !(scale > 0) || scale > 20) throw new Error(`--scale must be a number above 0 and at most 20, got "${v}"`);
    } else if (flag === '--seed') {
      const v = value();
      seed = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(seed) || seed > 0xffffffff) throw new Error(`--seed must be an integer from 0 to 4294967295, got "${v}"`);
    } else if (flag === '--remove' && inline === undefined) remove = true;
    else if ((flag === '--help' || flag === '-h') && inline === undefined) help = true;
    else throw new Error(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}"`);
  }
  return { scale, seed, remove, help };
}

/** The closing lines of a generation: what was written and how fast. */
export function formatResult(result: GenerateResult, args: Pick<GenerateArgs, 'scale' | 'seed'>): string {
  const n = (x: number): string => x.toLocaleString('en');
  const s = (ms: number): string => (ms / 1000).toFixed(1);
  if (result.unchanged) return `\nthe synthetic graph of scale ${args.scale} and seed ${args.seed} is present already; nothing written (${s(result.ms)} s)\n`;
  return [
    '',
    `synthetic graph, scale ${args.scale}, seed ${args.seed}${result.replaced > 0 ? ` (replaced ${n(result.replaced)} synthetic nodes of another generation)` : ''}`,
    `  nodes          ${n(result.nodes).padStart(10)}  in ${s(result.nodeMs).padStart(6)} s  ${n(result.nodesPerSecond).padStart(8)} nodes/s`,
    `  relationships  ${n(result.relationships).padStart(10)}  in ${s(result.relationshipMs).padStart(6)} s  ${n(result.relationshipsPerSecond).padStart(8)} relationships/s`,
    `  total ${s(result.ms)} s; hubs: ${result.hubs.join(', ')}`,
    '',
  ].join('\n');
}

/** `npm run generate`: grow the seed into a synthetic graph, or remove it with --remove. */
export async function main(argv: readonly string[]): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 2;
  const log = createLogger(config, 'generate');
  let args: GenerateArgs;
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
    const { db, close } = await connectForCli(config, log);
    const progress = progressReporter(log, args.remove ? 'removing' : 'writing');
    try {
      if (args.remove) {
        const { nodes, ms } = await removeSyntheticGraph(db, { onProgress: progress.onProgress, log });
        progress.stop();
        process.stdout.write(`removed ${nodes.toLocaleString('en')} synthetic nodes and their relationships in ${(ms / 1000).toFixed(1)} s\n`);
        return 0;
      }
      await applySchema(db, log);
      const result = await generateGraph(db, { scale: args.scale, seed: args.seed, log }, progress.onProgress);
      progress.stop();
      process.stdout.write(formatResult(result, args));
      return 0;
    } finally {
      progress.stop();
      await close();
    }
  } catch (e) {
    log.error({ err: e }, `generate failed: ${(e as Error).message}; committed batches stay (run it again, or with --remove)`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
