/**
 * `npm run bench -- --out <file> [--scale N] [--runs N] [--seed-only]`
 *
 * Compares, in one interleaved run on the same Neo4j, (a) this API over HTTP, (b) the same reads as
 * hand-written Cypher through neo4j-driver and (c) @neo4j/graphql 7.6.3 over HTTP, on the mix of
 * bench/mix.ts: first on the real seed graph, then (unless --seed-only) on the graph grown by the
 * synthetic generator to `--scale`. Before timing it checks that the three agree on the ids of every
 * query and stops with the diff when they do not (bench/agreement.ts: checkAgreement, also run by
 * test/bench/agreement.int.test.ts on the seed graph). Besides the mix it times the floor of a request
 * ({ __typename }; RETURN 1 for raw Cypher), measures the event-loop delay of this process (which
 * serves the API) during the timed runs, times a repeated read of every query on the API (answered by
 * its response cache, checked by x-dstack-cache: hit), and asks the API for its traversal index
 * (about { traversalIndex }, "not available" when the schema has none). It writes a Markdown report
 * (--out) and prints it.
 * It reports, it does not assert: exit 0 when goals are missed, 1 on errors and id mismatches.
 *
 * Starts its own embedded Neo4j in a temporary folder (NEO4J_BOLT_PORT, default a free port;
 * NEO4J_HEAP / NEO4J_PAGECACHE_MB override the sizes picked for the scale) or uses NEO4J_URI
 * (with NEO4J_USER, NEO4J_PASSWORD): that database is seeded and grown, so point it at a scratch one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { apiPagesImpact, checkAgreement, graphSize, type BenchTargets } from '../bench/agreement';
import { parseArgs, memoryFor, type BenchArgs } from '../bench/args';
import { measureEventLoopDelay } from '../bench/eventLoop';
import { closeHttpAgent, postGraphQL } from '../bench/http';
import { machineInfo } from '../bench/machine';
import { buildMix, httpFloorQuery, LIST_NESTED_FIRST, type GraphQLRequest, type MixParams, type MixQuery } from '../bench/mix';
import { readRows } from '../bench/neo4jRows';
import { startPeerServer, type PeerServer } from '../bench/peer/server';
import { readPickCypher } from '../bench/pick';
import { readRawCypher } from '../bench/raw/rawCypher';
import { timeRepeatedReads } from '../bench/repeated';
import { evaluateGoals, renderReport, type LoadRow, type MixEntry, type PhaseResult, type QueryRow } from '../bench/report';
import { pairKey, REPEATED_READ, TARGETS, timeMix } from '../bench/runner';
import { summarize } from '../bench/stats';
import { readTraversalIndex } from '../bench/traversalIndex';
import { readAbout } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { applySchema } from '../src/neo4j/applySchema';
import { loadCypher } from '../src/neo4j/cypher';
import { Db } from '../src/neo4j/db';
import { createDriver, waitForNeo4j } from '../src/neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/embedded';
import { declaredQueries } from '../src/neo4j/query';
import { generateGraph } from '../src/generate/generate';
import { defaultSources, runSeed } from '../src/seed/seed';
import { createServer, type AppServer } from '../src/server';
import { importGoals, importLoads, timeImports } from '../bench/imports';

const DATABASE = 'neo4j';
const WARMUP = 3;

/** Progress lines go to stderr, so stdout holds the report only. */
function say(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}

interface Running {
  readonly config: Config;
  readonly log: Logger;
  readonly driver: Driver;
  readonly db: Db;
  readonly api: AppServer;
  readonly apiUrl: string;
  readonly peer: PeerServer;
}

/** Runs the mix on the graph as it is now: picks, agreement check, timings, repeated reads. */
async function runPhase(run: Running, mix: readonly MixQuery[], name: string, defaultScale: boolean, runs: number, generatorHubs: string[], pagedNote: string | undefined): Promise<PhaseResult> {
  const targets: BenchTargets = { driver: run.driver, database: DATABASE, apiUrl: run.apiUrl, peerUrl: run.peer.url };
  const size = await graphSize(targets);
  say(`${name}: picking the ids of the mix, then checking that the API, raw Cypher and the peer agree on every query`);
  const floor = httpFloorQuery();
  const { picks, params, exec, mismatches } = await checkAgreement(targets, { mix: [...mix, floor], generatorHubs });
  const diffs = mismatches.filter((m) => m.kind === 'diff');
  if (diffs.length > 0) {
    throw new MismatchError(`${name}: the targets disagree (params ${JSON.stringify(params)}):\n${mismatches.map((m) => m.text).join('\n')}`);
  }
  // A target that fails a query is left out of that query's timings (its cells show "–"); the run
  // goes on so the rest is measured, and ends with exit 1.
  const errors = mismatches.filter((m) => m.kind === 'error');
  for (const m of errors) say(`${name}: ${m.text}`);
  const repeatedNote = errors.some((m) => m.query === mix[0]?.key && m.target === 'api') ? undefined : await cacheStatus(run.apiUrl, (mix[0] as MixQuery).api(params));
  const total = WARMUP + runs;
  let lastShown = 0;
  const loop = measureEventLoopDelay();
  const timings = await timeMix([...mix, floor], params, exec, {
    runs,
    warmup: WARMUP,
    repeated: mix[0],
    skip: new Set(errors.map((m) => pairKey(m.query, m.target))),
    onIteration: (done) => {
      if (done === total || Date.now() - lastShown > 10_000) {
        lastShown = Date.now();
        say(`${name}: iteration ${done}/${total}${done <= WARMUP ? ' (warm-up)' : ''}`);
      }
    },
  });
  const eventLoop = loop.stop();
  const rows: QueryRow[] = [{ key: floor.key, label: '0', title: floor.title, figures: figuresOf(timings[floor.key]) }];
  rows.push(...mix.map((q, i) => ({ key: q.key, label: String(i + 1), title: q.title, figures: figuresOf(timings[q.key]) })));
  rows.push({ key: REPEATED_READ, label: 'r', title: 'repeated read: query 1 twice in a row, the second timed', figures: figuresOf(timings[REPEATED_READ]) });
  say(`${name}: repeated reads of every query on the API (response cache)`);
  const repeatedReads = await timeRepeatedReads(
    mix.map((q, i) => ({ key: q.key, label: String(i + 1), title: q.title, request: q.api(params) })),
    (request, onHeaders) => postGraphQL(run.apiUrl, request, { onHeaders }),
    runs,
    { skip: new Set(errors.filter((m) => m.target === 'api').map((m) => m.query)) },
  );
  const traversalIndex = await readTraversalIndex((request) => postGraphQL(run.apiUrl, request));
  return {
    name,
    defaultScale,
    nodes: size.nodes,
    relationships: size.relationships,
    runs,
    warmup: WARMUP,
    picks: [
      `hub (1): \`${picks.hub}\` (${picks.hubReason})`,
      `mid-sized origin (2): \`${picks.mid.id}\`, ${picks.mid.dependents} transitive dependents within 6 hops (target 2 % of components = ${picks.mid.target.toFixed(1)})`,
      `node (4): \`${params.nodeId}\``,
      `subgraph origin (5): \`${picks.subgraph.id}\`, ${picks.subgraph.nodes} nodes within 2 hops`,
      `compliance service (7): \`${picks.service.id}\`, ${picks.service.requirements} requirements apply`,
      ...(pagedNote ? [pagedNote] : []),
      ...(repeatedNote ? [repeatedNote] : []),
      ...errors.map((m) => `**failed, not timed** (exit 1): ${m.text}`),
    ],
    rows,
    failures: errors.length,
    repeatedReads,
    eventLoop,
    traversalIndex,
  };
}

/** What the API's response cache header says of the second of two identical reads. */
async function cacheStatus(apiUrl: string, request: GraphQLRequest): Promise<string> {
  let header: string | undefined;
  await postGraphQL(apiUrl, request);
  await postGraphQL(apiUrl, request, { onHeaders: (h) => (header = String(h['x-dstack-cache'] ?? '')) });
  return header
    ? `repeated read (r): the API's second answer says x-dstack-cache: ${header}; rows 1 to 7 send Cache-Control: no-cache to both servers`
    : 'repeated read (r): the API sends no x-dstack-cache header (no response cache)';
}

function figuresOf(t: Record<(typeof TARGETS)[number], number[]> | undefined): QueryRow['figures'] {
  return { api: summarize(t?.api ?? []), raw: summarize(t?.raw ?? []), peer: summarize(t?.peer ?? []) };
}

/** The targets disagree on ids: exit 1 with the diff. */
class MismatchError extends Error {
  override readonly name = 'MismatchError';
}

async function main(args: BenchArgs): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const log = createLogger({ logLevel: 'warn', logFormat: 'json' }, 'bench');
  const external = process.env.NEO4J_URI;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-bench-'));
  const password = external ? (process.env.NEO4J_PASSWORD ?? '') : 'bench-password';
  const memory = memoryFor(args.scale, args.seedOnly, { heap: process.env.NEO4J_HEAP, pageCacheMb: process.env.NEO4J_PAGECACHE_MB });
  const config = loadConfig(
    {
      NEO4J_BOLT_PORT: process.env.NEO4J_BOLT_PORT ?? '0',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PASSWORD: password,
      NEO4J_URI: external,
      NEO4J_HEAP: memory.heap,
      NEO4J_PAGECACHE_MB: memory.pageCacheMb,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
    },
    false,
  );
  let embedded: EmbeddedNeo4j | undefined;
  let driver: Driver | undefined;
  let api: AppServer | undefined;
  let peer: PeerServer | undefined;
  try {
    if (!external) say(`starting an embedded Neo4j in ${dataDir} (heap ${memory.heap}, page cache ${memory.pageCacheMb} MiB)`);
    embedded = external ? undefined : await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log });
    driver = createDriver({ uri: external ?? (embedded?.uri as string), user: process.env.NEO4J_USER ?? 'neo4j', password, log });
    await waitForNeo4j(driver, DATABASE, 60_000);
    const cypher = loadCypher(declaredQueries());
    const setupDb = new Db(driver, DATABASE, cypher);
    await applySchema(setupDb, log);

    say('loading the seed data (validate + write)');
    const t0 = Date.now();
    const seed = await runSeed(setupDb, defaultSources(), log);
    const seedMs = Date.now() - t0;
    const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
    const loads: LoadRow[] = [{ name: 'seed (validate + write, one transaction)', bulk: false, nodes: sum(seed.counts.nodes), relationships: sum(seed.counts.edges), ms: seedMs }];

    const db = new Db(driver, DATABASE, cypher, { txTimeoutMs: config.limits.queryTimeoutMs });
    api = createServer({ config, db, log, about: readAbout() });
    const apiUrl = await api.listen();
    peer = await startPeerServer(driver, DATABASE);
    say(`API at ${apiUrl}, peer (@neo4j/graphql) at ${peer.url}`);
    const run: Running = { config, log, driver, db, api, apiUrl, peer };

    const pagedImpact = await apiPagesImpact(apiUrl);
    const pagedNote = pagedImpact
      ? undefined
      : 'the API does not page ImpactReport.services yet: queries 1 and 2 ask it for all services (`services { ... }`) and compare the first 100';
    const mix = buildMix({ pagedImpact });
    const notes: string[] = [
      `query 3 asks for dependsOn(first: ${LIST_NESTED_FIRST}) at both levels: with the default first of 100 the API's cost model prices the issue's document at 1,012,200 values and refuses it (COST_LIMIT_EXCEEDED, QUERY_MAX_COST 200,000); raw and peer read the same ${LIST_NESTED_FIRST}`,
      "the peer's counterparts: relationship fields are @neo4j/graphql's own (plain lists with limit and sort by name, id; ours are links { node }); node(id) is the interface query graphNodes(where: { id: { eq } }); impact, subgraph, search and compliance are @cypher fields running bench/raw/*.cypher, with impact's page size as an argument of the field",
    ];
    if (pagedNote) notes.push(pagedNote);

    const phases: PhaseResult[] = [];
    // A phase whose targets disagree ends the run, but the report of what was measured is still written.
    let stopped: MismatchError | undefined;
    const phase = async (make: () => Promise<PhaseResult>): Promise<void> => {
      try {
        phases.push(await make());
      } catch (e) {
        if (!(e instanceof MismatchError)) throw e;
        stopped = e;
        notes.push(`stopped: ${e.message}`);
      }
    };
    await phase(() => runPhase(run, mix, 'seed graph', false, args.runs ?? 30, [], pagedNote));

    if (!args.seedOnly && !stopped) {
      say(`growing the graph with the synthetic generator (scale ${args.scale})`);
      let lastShown = 0;
      const g = await generateGraph(setupDb, { scale: args.scale }, (done, total, phase) => {
        if (Date.now() - lastShown > 10_000 || done === total) {
          lastShown = Date.now();
          say(`generator: ${phase} ${done}/${total}`);
        }
      });
      loads.push({ name: `generator (scale ${args.scale})`, bulk: true, nodes: g.nodes, relationships: g.relationships, ms: g.ms });
      notes.push(
        `generator: ${Math.round(g.nodesPerSecond).toLocaleString('en-US')} nodes/s and ${Math.round(g.relationshipsPerSecond).toLocaleString('en-US')} relationships/s over their own phases (the table divides by the whole call)`,
      );
      await phase(() => runPhase(run, mix, `generated graph, scale ${args.scale}`, args.scale === 1, args.runs ?? 15, g.hubs, pagedNote));
    }

    // CSV imports last, so that no phase reads the facts they add: on the graph as the run left it.
    // A failed import still leaves the report of the phases (then exit 1).
    let importFailure: Error | undefined;
    const imports =
      args.importRows > 0 && !stopped
        ? await timeImports(db, config, log, args.importRows, 'org:land-hamburg', say).catch((e: unknown) => {
            importFailure = e as Error;
            notes.push(`**imports failed** (exit 1): ${importFailure.message}`);
            return [];
          })
        : [];
    loads.push(...importLoads(imports));
    if (imports.length > 0) notes.push(`imports: through POST /graphql/import with a bearer token of a local issuer, after the phases, on the graph as they left it (${phases.at(-1)?.name ?? 'seed graph'}); the adoption file's rows are items × dates (the graph changes: the latest status per item), the use file's LeiKa keys × items (changes: OFFERS and USES)`);
    const [version] = await readRows(driver, DATABASE, readPickCypher('neo4jVersion'));
    const settings = new Map((await readRows(driver, DATABASE, readPickCypher('neo4jMemory'))).map((r) => [String(r.name), r.value === null ? null : String(r.value)]));
    const report = renderReport({
      startedAt,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`,
      machine,
      neo4j: {
        version: `${String(version?.version ?? '?')} ${String(version?.edition ?? '')}`.trim(),
        mode: external ? `external (${external})` : 'embedded',
        heap: settings.get('server.memory.heap.max_size') ?? (external ? 'unknown' : `${memory.heap} (-Xmx)`),
        pageCache: settings.get('server.memory.pagecache.size') ?? (external ? 'unknown' : `${memory.pageCacheMb} MiB`),
      },
      mix: mixEntries(mix, undefined),
      phases,
      loads,
      goals: [...evaluateGoals(phases, loads), ...importGoals(imports, importFailure?.message)],
      notes,
    });
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, report);
    process.stdout.write(`${report}\n`);
    say(`report written to ${args.out}`);
    if (stopped) throw stopped;
    if (importFailure) throw importFailure;
    const failures = phases.reduce((n, p) => n + p.failures, 0);
    if (failures > 0) throw new MismatchError(`${failures} (query, target) pairs failed; see the report`);
  } finally {
    closeHttpAgent();
    await peer?.stop().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    if (!external) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The mix as the report documents it: for each query the API's and the peer's documents and the raw Cypher. */
function mixEntries(mix: readonly MixQuery[], params: MixParams | undefined): MixEntry[] {
  const p: MixParams = params ?? { hub: '$hub', mid: '$mid', nodeId: 'bundid', subgraphId: '$id', serviceId: '$svc', searchText: 'Wohngeld', today: 'YYYY-MM-DD' };
  const floor = httpFloorQuery();
  const entries: MixEntry[] = [{ label: '0', title: `${floor.title}: the floor of a request, timed with the mix (its check: all three answer)`, api: floor.api(p).query, peer: floor.peer(p).query, rawFile: `bench/raw/${floor.raw}.cypher`, raw: readRawCypher(floor.raw) }];
  entries.push(...mix.map((q, i) => ({
    label: String(i + 1),
    title: q.title,
    api: q.api(p).query,
    peer: q.peer(p).query,
    rawFile: `bench/raw/${q.raw}.cypher`,
    raw: readRawCypher(q.raw),
  })));
  entries.push({
    label: 'r',
    title: 'repeated read: query 1 twice in a row on each target, the second timed (the API may answer it from its response cache)',
    api: 'as 1',
    peer: 'as 1',
    rawFile: 'as 1',
    raw: '',
  });
  return entries;
}

let args: BenchArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
main(args).then(
  () => process.exit(0),
  (e: unknown) => {
    if (e instanceof MismatchError) process.stderr.write(`bench stopped: ${e.message}\n`);
    else process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
