/** Options of `npm run bench`. */
export interface BenchArgs {
  /** Where the Markdown report goes. */
  readonly out: string;
  /** Scale of the synthetic graph (1: about 1.27 million relationships). */
  readonly scale: number;
  /** Timed iterations; default 30 on the seed graph and 15 at scale. */
  readonly runs: number | undefined;
  /** Stop after the seed graph (no generator phase). */
  readonly seedOnly: boolean;
  /** Rows of the timed adoption and use CSV imports at the end (0: none). */
  readonly importRows: number;
}

export const USAGE = 'usage: npm run bench -- --out <file.md> [--scale N] [--runs N] [--seed-only] [--import-rows N]';

/** Parses the command line; throws with the usage on anything unknown or malformed. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let out: string | undefined;
  let scale = 1;
  let runs: number | undefined;
  let seedOnly = false;
  let importRows = 10_000;
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [name, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    if (name === '--out') out = take();
    else if (name === '--scale') {
      const raw = take();
      scale = Number(raw);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new Error(`--scale must be a number above 0 and at most 100, got "${raw}"\n${USAGE}`);
    } else if (name === '--runs') {
      const raw = take();
      runs = Number(raw);
      if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) throw new Error(`--runs must be a whole number from 1 to 10000, got "${raw}"\n${USAGE}`);
    } else if (name === '--import-rows') {
      const raw = take();
      importRows = Number(raw);
      if (!Number.isInteger(importRows) || importRows < 0 || importRows > 1_000_000) throw new Error(`--import-rows must be a whole number from 0 to 1000000, got "${raw}"\n${USAGE}`);
    } else if (name === '--seed-only' && inline === undefined) seedOnly = true;
    else throw new Error(`unknown argument "${a}"\n${USAGE}`);
  }
  if (!out) throw new Error(`--out is required\n${USAGE}`);
  return { out, scale, runs, seedOnly, importRows };
}

/** Heap and page cache of the embedded Neo4j for a phase plan: NEO4J_HEAP / NEO4J_PAGECACHE_MB win. */
export function memoryFor(scale: number, seedOnly: boolean, env: { heap?: string | undefined; pageCacheMb?: string | undefined }): { heap: string; pageCacheMb: string } {
  const heapGb = seedOnly ? 1 : Math.max(1, Math.ceil(2 * scale));
  const pageCacheMb = seedOnly ? 256 : Math.max(256, Math.ceil(1024 * scale));
  return { heap: env.heap ?? `${heapGb}g`, pageCacheMb: env.pageCacheMb ?? String(pageCacheMb) };
}
