/**
 * `npm run loadtest`: 50 concurrent clients send a realistic read mix to the seeded API for a bounded
 * time and it prints throughput, p50/p99 latency, errors (non-2xx and GraphQL `errors` by code) and
 * the memory of the API and of its Neo4j JVM before and after. It asserts nothing; it reports.
 *
 *   npm run loadtest -- [--duration 20] [--warmup 3] [--connections 50] [--out figures.json]
 *                       [--url http://127.0.0.1:4000/graphql] [--data-dir .neo4j/loadtest]
 *                       [--mode calm|adversarial|both] [--adversarial] [--attackers 4]
 *
 * Modes: `calm` (the default) runs the mix alone; `adversarial` (or `--adversarial`) runs it beside
 * `--attackers` clients that loop on the heaviest queries the limits allow (scripts/loadtest/attackers.ts,
 * no cache); `both` runs calm, then adversarial, and prints them side by side with the ratio of the
 * well-behaved clients' p50 and p99. Each connection sends its own X-Forwarded-For (10.1.0.m for the
 * well-behaved ones, 10.66.0.n for attacker n). During each phase /healthz is polled every 100 ms from
 * a connection of its own, and the API's event-loop delay is read from two scrapes of /metrics (before
 * and after the phase; the difference of the cumulative buckets is the phase's histogram).
 *
 * Without --url it builds and starts `node dist/index.js` itself (PORT=0, NEO4J_BOLT_PORT=0,
 * NODE_ENV=production, TRUST_PROXY=loopback) on a data folder kept between runs; the first run seeds
 * it with the seed CLI.
 * With --url, memory is read only when that server listens on this machine.
 *
 * The mix: each request picks its kind at random with these weights (they sum to 100). People browsing
 * the graph make most calls; analyses are rarer but heavier; `about` stands for clients and monitors.
 *   20  node(bundid) with usedBy(first: 20) and dependsOn     opening a component
 *   15  search("Personalausweis", first: 10)                  the search box
 *   10  components(first: 50) with dependsOn                  the component list with each one's dependencies
 *   10  services(first: 20, filter: { text: "Wohngeld" })     a filtered service list
 *    8  impactAnalysis(bundid), 8 impactAnalysis(fit-connect) components, services and summary
 *    7  dependencies(ozg-hub)                                 (another OZG-Hub hit, or left out, if absent)
 *    6  path(bundid, fit-connect), 6 alternatives(epaybl)
 *    5  subgraph(ids: ["bundid"], depth: 2)                   about 200 KB per answer
 *    5  about { version }
 */
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLoadtestArgs, phasesOf, wellBehavedAddress, type LoadtestArgs } from './loadtest/args';
import { buildAttacks, startAttackers, type AttackStats } from './loadtest/attackers';
import { delayWindow, scrapeMetrics, startHealthzPoller } from './loadtest/probes';
import { attach, parseProcStat, parseProcStatus, startServer, usageOf, type Target, type Usage } from './loadtest/target';
import { codesText, delayText, formatAttackTable, formatComparison, healthzSummary, percentile, round, type PhaseSummary } from './loadtest/report';

export { parseProcStat, parseProcStatus, percentile };

const IMPACT = `components { component { id name } distance path { id } }
  services { service { id name leikaKey } distance via { id } }
  summary { componentCount serviceCount byTopic { node { name } count } byExecutingLevel { level count }
            organizations { organization { name level } relations } }`;

/** One kind of request of the mix. */
export interface MixEntry {
  readonly name: string;
  readonly weight: number;
  readonly query: string;
}

/** The mix; `dependencyRoot` is the component whose dependency tree is asked for (ozg-hub on the seed). */
export function buildMix(dependencyRoot: string | undefined): MixEntry[] {
  const mix: MixEntry[] = [
    { name: 'node(bundid) + links', weight: 20, query: '{ node(id: "bundid") { id ... on Component { name usedBy(first: 20) { node { id name } } dependsOn { node { id } } } } }' },
    { name: 'search(Personalausweis)', weight: 15, query: '{ search(text: "Personalausweis", first: 10) { score node { id name label } } }' },
    { name: 'components(50) + dependsOn', weight: 10, query: '{ components(first: 50) { edges { node { id name dependsOn { node { id } } } } } }' },
    { name: 'services(Wohngeld)', weight: 10, query: '{ services(first: 20, filter: { text: "Wohngeld" }) { totalCount edges { node { id name leikaKey } } } }' },
    { name: 'impactAnalysis(bundid)', weight: 8, query: `{ impactAnalysis(id: "bundid") { ${IMPACT} } }` },
    { name: 'impactAnalysis(fit-connect)', weight: 8, query: `{ impactAnalysis(id: "fit-connect") { ${IMPACT} } }` },
    { name: `dependencies(${dependencyRoot})`, weight: 7, query: `{ dependencies(id: "${dependencyRoot}") { root { id } entries { node { id name } distance parent { id } relationship } } }` },
    { name: 'path(bundid, fit-connect)', weight: 6, query: '{ path(from: "bundid", to: "fit-connect") { length nodes { id name } steps { type forward } } }' },
    { name: 'alternatives(epaybl)', weight: 6, query: '{ alternatives(id: "epaybl") { alternative { id name } guidance affectedServices } }' },
    { name: 'subgraph(bundid, 2)', weight: 5, query: '{ subgraph(ids: ["bundid"], depth: 2) { nodes { id label name } edges { id source target type } } }' },
    { name: 'about', weight: 5, query: '{ about { version } }' },
  ];
  return dependencyRoot ? mix : mix.filter((m) => !m.name.startsWith('dependencies('));
}

/** The entry that a uniform `r` in [0, 1) picks, each with the probability weight / total weight. */
export function pickWeighted<T extends { weight: number }>(entries: readonly T[], r: number): T {
  let x = r * entries.reduce((s, e) => s + e.weight, 0);
  for (const e of entries) if ((x -= e.weight) < 0) return e;
  return entries[entries.length - 1] as T;
}

/** The `extensions.code` of each GraphQL error in a response body (`NOT_JSON` when it is not JSON). */
export function errorCodes(body: string): string[] {
  // A key `"errors":` cannot occur inside a JSON string (its quotes would be escaped): most bodies skip the parse.
  if (!body.includes('"errors":')) return [];
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return (parsed.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE'));
  } catch {
    return ['NOT_JSON'];
  }
}

async function post(url: string, query: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).catch((e: Error & { cause?: { code?: string; message?: string } }) => {
    throw new Error(`cannot reach ${url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  });
  return { status: res.status, body: await res.text() };
}

/** Figures per kind of request, filled while the load runs. */
export interface QueryStats {
  /** Requests sent; those without an answer timed out or were still open when the run ended. */
  sent: number;
  latencies: number[];
  /**
   * How long each request still open when the run ended had waited by then: a lower bound of its
   * latency, counted in p50 and p99 (a server that stops answering must not look fast).
   */
  openMs?: number[];
  non2xx: number;
  codes: Record<string, number>;
}

/** One line of the report. */
export interface Row {
  name: string;
  weight: number;
  sent: number;
  count: number;
  /** Requests still open when the run ended (in p50 and p99 with their time so far). */
  open: number;
  p50: number;
  p99: number;
  non2xx: number;
  codes: Record<string, number>;
}

/** A report line from collected figures (several merge, e.g. into the overall line). */
export function summarize(name: string, weight: number, stats: readonly QueryStats[]): Row {
  const latencies = stats.flatMap((s) => s.latencies);
  const open = stats.flatMap((s) => s.openMs ?? []);
  const codes: Record<string, number> = {};
  for (const s of stats) for (const [c, n] of Object.entries(s.codes)) codes[c] = (codes[c] ?? 0) + n;
  const [sent, non2xx] = [stats.reduce((sum, s) => sum + s.sent, 0), stats.reduce((sum, s) => sum + s.non2xx, 0)];
  const all = [...latencies, ...open];
  return { name, weight, sent, count: latencies.length, open: open.length, p50: percentile(all, 50), p99: percentile(all, 99), non2xx, codes };
}

/** The per-query table, the overall line last; `share` is of all requests sent (compare with `weight`). */
export function formatTable(rows: readonly Row[], overall: Row, bytes: ReadonlyMap<string, number>): string[] {
  const cells = (r: Row): string[] => [r.name, String(r.weight), String(bytes.get(r.name) ?? ''), String(r.sent), `${round((100 * r.sent) / Math.max(1, overall.sent), 0)}%`, String(r.count), round(r.p50), round(r.p99), String(r.non2xx), codesText(r.codes)];
  const widths = [30, 7, 8, 7, 7, 9, 9, 9, 9];
  const line = (c: string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[0] as number) : i < widths.length ? v.padStart(widths[i] as number) : `  ${v}`)).join('');
  return [line(['query', 'weight', 'bytes', 'sent', 'share', 'answered', 'p50 ms', 'p99 ms', 'non-2xx', 'GraphQL errors']), ...rows.map((r) => line(cells(r))), line(cells(overall))];
}

interface Autocannon {
  (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void): EventEmitter;
}
/** The part of autocannon's per-connection client used here. */
interface AutocannonClient {
  setHeaders(headers: Record<string, string>): void;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
  throughput: { average: number };
}
type RequestContext = { entry?: MixEntry; sentAt?: number };

/**
 * Runs the mix for `seconds` on `connections` clients; each request picks its kind at random by weight.
 * Connection m (1-based) sends X-Forwarded-For 10.1.0.m, the same in every run.
 */
function runLoad(url: string, mix: MixEntry[], connections: number, seconds: number): Promise<{ result: AutocannonResult; stats: Map<string, QueryStats> }> {
  const autocannon = require('autocannon') as Autocannon; // no bundled types; the shape used is declared above
  const stats = new Map(mix.map((m): [string, QueryStats] => [m.name, { sent: 0, latencies: [], openMs: [], non2xx: 0, codes: {} }]));
  let answered: QueryStats | undefined;
  // The context of each request under way (autocannon gives each request a fresh one).
  const open = new Set<RequestContext>();
  const request = {
    setupRequest: (req: Record<string, unknown>, ctx: RequestContext) => {
      // A connection's first request is built twice (again when setupClient sets its headers): count it once.
      if (ctx.entry) (stats.get(ctx.entry.name) as QueryStats).sent--;
      ctx.entry = pickWeighted(mix, Math.random());
      ctx.sentAt = performance.now();
      open.add(ctx);
      (stats.get(ctx.entry.name) as QueryStats).sent++;
      return { ...req, body: JSON.stringify({ query: ctx.entry.query }) };
    },
    // Every body is checked; errorCodes() parses only those that carry `errors`.
    onResponse: (status: number, body: string, ctx: RequestContext) => {
      open.delete(ctx);
      answered = stats.get(ctx.entry?.name ?? '');
      if (!answered) return;
      if (status < 200 || status > 299) answered.non2xx++;
      for (const code of errorCodes(body)) answered.codes[code] = (answered.codes[code] ?? 0) + 1;
    },
  };
  // autocannon clones the options for each connection, so each keeps the headers set here.
  let connection = 0;
  const setupClient = (client: AutocannonClient): void => client.setHeaders({ 'content-type': 'application/json', 'x-forwarded-for': wellBehavedAddress(++connection) });
  return new Promise((resolve, reject) => {
    // The client waits 30 s, longer than the API's own deadline, so that slow answers arrive as coded errors.
    const opts = { url, connections, duration: seconds, timeout: 30, method: 'POST', headers: { 'content-type': 'application/json' }, requests: [request], setupClient };
    const instance = autocannon(opts, (err, result) => {
      const end = performance.now();
      // Older than the client's 30 s: timed out (autocannon counts those), not open.
      for (const ctx of open) if (end - (ctx.sentAt ?? end) < 30_000) stats.get(ctx.entry?.name ?? '')?.openMs?.push(end - (ctx.sentAt ?? end));
      if (err) reject(err);
      else resolve({ result, stats });
    });
    // autocannon calls the request's onResponse, then emits `response` with the latency, in one tick.
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => answered?.latencies.push(ms));
  });
}

/** Resolves the dependency root, sends each query of the mix once and throws on any error; returns the mix and body sizes. */
async function preflight(url: string): Promise<{ mix: MixEntry[]; bytes: Map<string, number> }> {
  const hits = JSON.parse((await post(url, '{ search(text: "OZG-Hub", types: ["Component"], first: 5) { node { id } } }')).body) as { data?: { search: { node: { id: string } }[] } };
  const ids = hits.data?.search.map((h) => h.node.id) ?? [];
  const depRoot = ids.includes('ozg-hub') ? 'ozg-hub' : ids[0];
  if (depRoot !== 'ozg-hub') process.stdout.write(depRoot ? `note: no component ozg-hub; dependencies() asks for ${depRoot}\n` : 'note: no OZG-Hub component found; dependencies() left out of the mix\n');
  const mix = buildMix(depRoot);
  const bytes = new Map<string, number>();
  for (const m of mix) {
    let { status, body } = await post(url, m.query);
    // A cold database may miss the timeout on a traversal's first call (plans, page cache): retry up to four times.
    for (let retry = 1; retry <= 4 && errorCodes(body).length > 0 && errorCodes(body).every((c) => c === 'QUERY_TIMEOUT'); retry++) {
      process.stdout.write(`note: ${m.name} timed out on a cold call; retry ${retry}\n`);
      ({ status, body } = await post(url, m.query));
    }
    const codes = errorCodes(body);
    if (status !== 200 || codes.length > 0 || !body.includes('"data":{')) {
      throw new Error(`preflight: ${m.name} answered HTTP ${status} (${codes.join(', ') || 'no error code'}):\n  ${m.query}\n  ${body.slice(0, 600)}`);
    }
    bytes.set(m.name, Buffer.byteLength(body));
  }
  return { mix, bytes };
}

/** The figures of one phase, printed and written to --out. */
interface PhaseOutcome {
  readonly summary: PhaseSummary;
  readonly rows: Row[];
  readonly overall: Row;
  readonly result: AutocannonResult;
  readonly attacks: Map<string, AttackStats> | undefined;
  readonly usage: { before: { api?: Usage; jvm?: Usage }; after: { api?: Usage; jvm?: Usage } };
  readonly loadGeneratorCpuPct: number;
  readonly logged: [string, number][] | undefined;
}

/**
 * One measured phase: the mix on `connections` clients for `duration` s and, in the adversarial phase,
 * the attackers beside it (they stop when the mix ends; their last answers are awaited). /healthz is
 * polled and /metrics scraped around it.
 */
async function runPhase(phase: 'calm' | 'adversarial', target: Target, mix: MixEntry[], args: LoadtestArgs): Promise<PhaseOutcome> {
  const origin = new URL(target.url).origin;
  const memory = (): { api?: Usage; jvm?: Usage } => ({ api: usageOf(target.apiPid), jvm: usageOf(target.jvmPid) });
  process.stdout.write(`${phase}: ${args.connections} well-behaved connections for ${args.duration} s${phase === 'adversarial' ? ` beside ${args.attackers} attackers` : ''}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} ...\n`);
  const loadStart = os.loadavg();
  const before = memory();
  target.logged?.clear();
  const scrape0 = await scrapeMetrics(origin);
  const healthz = startHealthzPoller(origin, 100);
  const attackers = phase === 'adversarial' ? startAttackers(target.url, args.attackers, buildAttacks(), errorCodes) : undefined;
  const cpu0 = process.cpuUsage();
  const { result, stats } = await runLoad(target.url, mix, args.connections, args.duration);
  const cpu = process.cpuUsage(cpu0);
  const [health, scrape1] = await Promise.all([healthz.stop(), scrapeMetrics(origin)]);
  const after = memory();
  const loadEnd = os.loadavg();
  const logged = target.logged ? [...target.logged] : undefined;
  if (attackers) process.stdout.write('attackers stopped; waiting for their last answers (at most 30 s) ...\n');
  const attacks = await attackers?.stop();
  if (target.child && target.child.exitCode !== null) process.stdout.write(`WARNING: the API exited during the run (code ${target.child.exitCode})\n`);
  const rows = mix.map((m) => summarize(m.name, m.weight, [stats.get(m.name) as QueryStats]));
  const overall = summarize('overall', 100, [...stats.values()]);
  const errors = result.non2xx + Object.values(overall.codes).reduce((a, b) => a + b, 0) + result.errors;
  const summary: PhaseSummary = {
    phase,
    requestsPerSecond: result.requests.average,
    p50: overall.p50,
    p99: overall.p99,
    errors,
    open: overall.open,
    healthz: healthzSummary(health),
    eventLoop: delayWindow(scrape0, scrape1),
    loadAverage: { start: loadStart, end: loadEnd },
  };
  return { summary, rows, overall, result, attacks, usage: { before, after }, loadGeneratorCpuPct: (cpu.user + cpu.system) / 1e4 / result.duration, logged };
}

/** The report of one phase. */
function phaseReport(o: PhaseOutcome, target: Target, args: LoadtestArgs, bytes: ReadonlyMap<string, number>, idle: { api?: Usage; jvm?: Usage }, machine: { cpus: number; node: string }): string[] {
  const { result, overall, summary: s } = o;
  const mem = (label: string, pid: number | undefined, key: 'api' | 'jvm'): string => {
    const [i, b, a] = [idle[key], o.usage.before[key], o.usage.after[key]];
    if (!i || !b || !a) return `${label.padEnd(30)}not measured (${pid ? `cannot read /proc/${pid}/status` : 'process not local or unknown'})`;
    const change = a.rssMiB - b.rssMiB;
    return `${`${label} (pid ${pid})`.padEnd(30)}${round(i.rssMiB).padStart(8)}${round(b.rssMiB).padStart(10)}${round(a.rssMiB).padStart(10)}${`${change >= 0 ? '+' : ''}${round(change)}`.padStart(9)}${round(a.peakMiB).padStart(12)}${`${round((100 * (a.cpuSeconds - b.cpuSeconds)) / result.duration, 0)}%`.padStart(10)}`;
  };
  const h = s.healthz;
  return [
    '',
    `dstack-graph load test, ${s.phase} phase: ${args.connections} well-behaved connections${s.phase === 'adversarial' ? ` beside ${args.attackers} attackers` : ''}, ${args.duration} s measured after a ${args.warmup} s warm-up, ${machine.cpus} cpus, Node ${machine.node}`,
    `load average (1/5/15 min): ${s.loadAverage.start.map((l) => l.toFixed(2)).join(' ')} at the start, ${s.loadAverage.end.map((l) => l.toFixed(2)).join(' ')} at the end`,
    ...formatTable(o.rows, overall, bytes),
    '',
    `well-behaved throughput: ${round(result.requests.average)} requests/s (${result.requests.total} in ${round(result.duration)} s), ${round(result.throughput.average / 2 ** 20, 2)} MiB/s; p50 ${round(overall.p50)} ms, p99 ${round(overall.p99)} ms`,
    `well-behaved errors: ${s.errors} (non-2xx ${result.non2xx}, GraphQL errors ${codesText(overall.codes)}, connection errors ${result.errors - result.timeouts}, timeouts ${result.timeouts}); unanswered ${overall.sent - overall.count} (${result.timeouts} after the client's 30 s, ${overall.open} open when the run ended: these count in p50 and p99 with their wait so far)`,
    ...(o.attacks ? ['', `attackers (${args.attackers}, X-Forwarded-For 10.66.0.1-${args.attackers}, Cache-Control: no-cache; answers that came after the phase end included):`, ...formatAttackTable(o.attacks), ''] : []),
    `/healthz every 100 ms on its own connection: ${h.count} answers, p50 ${round(h.p50)} ms, p99 ${round(h.p99)} ms, max ${round(h.max)} ms (failed polls included with their time), failed: ${codesText(h.failures)}`,
    `event-loop delay of the API (from /metrics): ${delayText(s.eventLoop)}`,
    ...(o.logged ? [`API log during the run, warn and above: ${o.logged.map(([msg, n]) => `${n}x "${msg}"`).join(', ') || 'none'}`] : []),
    `load generator (this process): ${round(o.loadGeneratorCpuPct, 0)}% of one cpu during the run`,
    '',
    `${'memory RSS (MiB)'.padEnd(30)}${'idle'.padStart(8)}${'before'.padStart(10)}${'after'.padStart(10)}${'change'.padStart(9)}${'peak (HWM)'.padStart(12)}${'cpu'.padStart(10)}`,
    mem('API (node)', target.apiPid, 'api'),
    mem('Neo4j JVM', target.jvmPid, 'jvm'),
    '(idle: before the warm-up; before/after: around the measured run; peak: VmHWM at the end; cpu: of one core during the run)',
    '',
  ];
}

async function main(): Promise<void> {
  const args = parseLoadtestArgs(process.argv.slice(2));
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memGiB: os.totalmem() / 2 ** 30, node: process.version, loadAverage: os.loadavg() };
  process.stdout.write(`machine: ${machine.cpus} cpus (${machine.cpuModel}), ${round(machine.memGiB)} GiB RAM, Node ${machine.node}, ${os.platform()} ${os.arch()}, load average ${machine.loadAverage.map((l) => l.toFixed(2)).join(' ')}\n`);
  if (!args.url) process.stdout.write(`starting the API (data in ${args.dataDir}) ...\n`);
  const target = args.url ? attach(args.url) : await startServer(path.resolve(__dirname, '..', args.dataDir));
  const interrupt = (signal: NodeJS.Signals): void => {
    process.stdout.write(`\n${signal}: stopping${target.child ? ' the API' : ''}; no figures\n`);
    void target.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    const { mix, bytes } = await preflight(target.url);
    process.stdout.write(`preflight: all ${mix.length} queries answer without errors; target ${target.url}${target.child ? ' (started here)' : ''}; mode ${args.mode}\n`);
    const idle = { api: usageOf(target.apiPid), jvm: usageOf(target.jvmPid) };
    if (args.warmup > 0) {
      process.stdout.write(`warm-up: ${args.warmup} s (not counted) ...\n`);
      await runLoad(target.url, mix, args.connections, args.warmup);
    }
    const outcomes: PhaseOutcome[] = [];
    for (const phase of phasesOf(args.mode)) {
      const o = await runPhase(phase, target, mix, args);
      outcomes.push(o);
      process.stdout.write(phaseReport(o, target, args, bytes, idle, machine).join('\n'));
    }
    const [calm, adversarial] = [outcomes.find((o) => o.summary.phase === 'calm'), outcomes.find((o) => o.summary.phase === 'adversarial')];
    if (calm && adversarial) process.stdout.write(['', 'well-behaved clients, calm and under attack:', ...formatComparison(calm.summary, adversarial.summary), ''].join('\n'));
    if (args.out) {
      const phases = outcomes.map((o) => ({
        ...o.summary,
        requests: o.result.requests.total,
        overall: o.overall,
        queries: o.rows.map((r) => ({ ...r, bytes: bytes.get(r.name) })),
        errorDetail: { non2xx: o.result.non2xx, graphql: o.overall.codes, connection: o.result.errors - o.result.timeouts, timeouts: o.result.timeouts },
        attacks: o.attacks ? Object.fromEntries([...o.attacks].map(([name, s]) => [name, { sent: s.sent, answered: s.latencies.length, p50: percentile(s.latencies, 50), p99: percentile(s.latencies, 99), statuses: s.statuses, codes: s.codes }])) : undefined,
        loadGeneratorCpuPct: o.loadGeneratorCpuPct,
        usage: o.usage,
        apiLog: o.logged,
      }));
      const ratios = calm && adversarial ? { p50: adversarial.summary.p50 / calm.summary.p50, p99: adversarial.summary.p99 / calm.summary.p99 } : undefined;
      const figures = { at: new Date().toISOString(), url: target.url, machine, mode: args.mode, connections: args.connections, attackers: args.attackers, duration: args.duration, warmup: args.warmup, idle, pids: { api: target.apiPid, jvm: target.jvmPid }, phases, adversarialOverCalm: ratios };
      fs.writeFileSync(args.out, `${JSON.stringify(figures, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v), 2)}\n`);
      process.stdout.write(`figures written to ${args.out}\n`);
    }
  } finally {
    await target.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`loadtest failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
