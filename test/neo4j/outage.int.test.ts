import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { readAbout } from '../../src/app';
import { loadConfig, sessionShares } from '../../src/config';
import { applySchema } from '../../src/neo4j/applySchema';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver, waitForNeo4j } from '../../src/neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { declaredQueries } from '../../src/neo4j/query';
import { Neo4jSupervisor } from '../../src/neo4j/supervisor';
import { defaultSources, runSeed } from '../../src/seed/seed';
import { createServer, type AppServer } from '../../src/server';
import { outageViolations, type HttpAnswer } from '../support/outageCheck';
import { freePort } from '../support/freePort';
import { tally } from '../support/http';
import { isAlive } from '../support/startCommand';

/**
 * An outage is an outage (issue 18, finding 4): while Neo4j is frozen (SIGSTOP) or killed (SIGKILL),
 * every root field of the Query type, asked again and again over HTTP, either fails with
 * SERVICE_UNAVAILABLE or QUERY_TIMEOUT or answers exactly as it did in calm. No answer claims an
 * existing id unknown (NOT_FOUND, or null without an error) and no list comes back shorter.
 *
 * The test runs its own embedded Neo4j (its own data folder and Bolt port, the real seed graph), the
 * supervisor with short pings, and our HTTP server twice over the same Db: one with a long request
 * deadline for the calm answers, one with a short one (REQUEST_TIMEOUT_MS) for the outage.
 */

// Real ids of the seed graph (the calm round checks that each answers without errors).
const COMPONENT = 'bundid';
const STANDARD = 'xbau';
const SERVICE = 'leika:99107023017000';
const SOURCE = 'heise-11225804';
const CRITERIA = ['digitale-souveraenitaet', 'interoperabilitaet', 'zukunftsfaehigkeit', 'marktrelevanz', 'vertrauenswuerdigkeit', 'nachhaltigkeit'].map((c) => `criterion:dstack:${c}`);

const CITE = 'sources { source { id title kind secondary } locator }';
const REF = `id name label evidence ${CITE}`;
const PROFILE = `profile {
  licence { spdx class evidence ${CITE} } openSource licenceConflict
  steward { organization { id name } via evidence ${CITE} }
  jurisdiction { country inEu basis evidence ${CITE} }
  operatingModels { model by { id } evidence ${CITE} }
  obtain { channel by { id } url evidence ${CITE} }
  attestations { scheme holder { id } scope date evidence ${CITE} }
  accessibility { standard level conformance ${CITE} }
  endOfSupport { date ${CITE} }
  unknown
}
criteriaAssessments { criterion { id } level evidence mapping decision { id } indicators { indicator value } ${CITE} }
lifecycle { stack { id } status stage since role rationale ${CITE} }`;
const LINKS = `type evidence note ${CITE} rule { id name ${CITE} } node { id name label }`;
const HISTORY = 'history(first: 5) { op entity key label fields at load { id datasets } node { id } }';
const WHATIF_NODE = 'id name label';
const LOST_ROLES = `lostRoles { role name need lost { ${WHATIF_NODE} } left { ${WHATIF_NODE} } }`;

/** A root list: a page of nodes with their citations, the count and the page info. */
const rootList = (field: string): string =>
  `{ ${field}(first: 7) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${REF} } } } }`;

/**
 * One or more queries per root field of the Query type, each with one root field, real ids and
 * nested lists, so that a list shortened or an id claimed unknown would show. The first test checks
 * that this table names every root field the server has (a new one cannot be forgotten).
 */
const ROOT_QUERIES: Readonly<Record<string, readonly { readonly name: string; readonly query: string }[]>> = {
  about: [{ name: 'about', query: '{ about { name version database { product version edition mode name nodeCount relationshipCount } coverage { services sourced inferred none byTopic { key name services sourced } byLevel { key services none } } } }' }],
  node: [
    {
      name: 'node(component)',
      query: `{ node(id: "${COMPONENT}") { ${REF} ${HISTORY} ... on Component { kind status ${PROFILE}
        dependsOn(first: 20) { ${LINKS} } dependents(first: 20) { ${LINKS} } implements(first: 20) { ${LINKS} }
        usedBy(first: 20) { ${LINKS} node { ... on Service { uses(first: 10) { node { id } } offeredBy(first: 5) { node { id } } } } }
        operators { ${LINKS} } stacks { ${LINKS} } alternatives { ${LINKS} } } } }`,
    },
    { name: 'node(standard)', query: `{ node(id: "${STANDARD}") { ${REF} ... on Standard { ${PROFILE} implementedBy(first: 20) { ${LINKS} } usedBy(first: 20) { node { id } } stacks { ${LINKS} } } } }` },
    { name: 'node(service)', query: `{ node(id: "${SERVICE}") { ${REF} ${HISTORY} ... on Service { leikaKey executingLevels uses { ${LINKS} } usesStandards { ${LINKS} } offeredBy(first: 20) { ${LINKS} } requirements { ${LINKS} } ozgService { ${LINKS} } } } }` },
  ],
  search: [{ name: 'search', query: `{ search(text: "BundID", first: 10) { score node { ${REF} } } }` }],
  ...Object.fromEntries(
    ['components', 'services', 'standards', 'organizations', 'layers', 'stacks', 'requirements', 'topics', 'lifeSituations', 'ozgServices', 'integrationPoints', 'buildingBlocks', 'exceptions', 'kpis', 'referencePatterns', 'milestones', 'criteria', 'decisions', 'events'].map((f) => [f, [{ name: f, query: rootList(f) }]]),
  ),
  impactAnalysis: [
    {
      name: 'impactAnalysis',
      query: `{ impactAnalysis(id: "${COMPONENT}") { origin { id name } maxDepth
        components(first: 20) { cursor component { ${REF} } evidence distance path { id } }
        services(first: 60) { cursor service { id name } distance evidence via { id } }
        summary { componentCount serviceCount componentsByEvidence { sourced inferred } servicesByEvidence { sourced inferred }
          coverage { services sourced inferred none byTopic { key services } byLevel { key services } }
          byLayer { node { id } count } byTopic { node { id name } count } byLifeSituation { node { id } count } byExecutingLevel { level count }
          organizations(first: 50) { organization { id name } relations } organizationCount byOrganizationLevel { level count } } } }`,
    },
    {
      name: 'impactAnalysis.severity',
      query: `{ impactAnalysis(id: "${COMPONENT}") { components(first: 20) { component { id } severity } services(first: 60) { service { id } severity }
        severity { components { broken degraded reached } services { broken degraded reached } hits(first: 60) { cursor node { ${WHATIF_NODE} } severity distance ${LOST_ROLES} } } } }`,
    },
  ],
  dependencies: [{ name: 'dependencies', query: '{ dependencies(id: "ozg-hub") { root { id } entries { node { id name } distance evidence parent { id } relationship } } }' }],
  path: [{ name: 'path', query: `{ path(from: "${COMPONENT}", to: "stack:govstack", maxDepth: 10) { length evidence nodes { id name } steps { from { id } to { id } type forward } } }` }],
  alternatives: [{ name: 'alternatives', query: '{ alternatives(id: "epaybl") { alternative { id name } guidance evidence source note affectedServices } }' }],
  stale: [{ name: 'stale', query: '{ stale(olderThanMonths: 1, first: 20) { totalCount cutoff edges { cursor entity node { id } type from { id } to { id } checked evidence sources { source { id } } } pageInfo { hasNextPage endCursor } } }' }],
  compliance: [
    {
      name: 'compliance',
      query: `{ compliance(serviceId: "${SERVICE}") { service { id } score requirements assessed notAssessable assessedShare note
        muss { met violated exempted notAssessable items { requirement { id name } status appliesVia { id } missing { id } exception { id } expires } }
        soll { met violated exempted notAssessable items { requirement { id } status appliesVia { id } missing { id } exception { id } } } } }`,
    },
  ],
  compatibility: [{ name: 'compatibility', query: '{ compatibility(stackIds: ["stack:germany", "stack:govstack"]) { stacks { id name } rows { item { id name } cells { stackId included status role } } } }' }],
  adoption: [{ name: 'adoption', query: '{ adoption(level: "Land") { node { id name } organizations byStatus { status count } } }' }],
  subgraph: [{ name: 'subgraph', query: `{ subgraph(ids: ["${COMPONENT}"], depth: 2, types: ["DEPENDS_ON", "USES"]) { nodes { id label name evidence } edges { id source target type evidence provenance } } }` }],
  criteriaMapping: [{ name: 'criteriaMapping', query: '{ criteriaMapping { id rule points { level points } criteria { criterion { id name } indicators } indicators { indicator description appliesTo } } }' }],
  ranking: [
    {
      name: 'ranking',
      query: `{ ranking(weights: [${CRITERIA.map((c) => `{ criterion: "${c}", weight: 1 }`).join(', ')}], first: 25) { totalCount pageInfo { hasNextPage endCursor }
        weights { criterion { id name } weight }
        edges { cursor rank node { id name } score unknownWeight breakdown { criterion { id } level weight points evidence } unknown { id name } } } }`,
    },
  ],
  inclusion: [{ name: 'inclusion', query: `{ inclusion(item: "${STANDARD}", stack: "stack:germany") { item { id name } stack { id } included inclusion { status stage rationale listedIn ${CITE} } decisions { id name } published explanation } }` }],
  changes: [{ name: 'changes', query: '{ changes(since: "2000-01-01", first: 30) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { op entity key label from to fields at load { id datasets } node { id name } } } } }' }],
  proposals: [{ name: 'proposals', query: '{ proposals(first: 20) { id status kind author organization reason citations createdAt operations { op id type from to properties } diff { op key before after conflict } } }' }],
  proposal: [{ name: 'proposal', query: '{ proposal(id: "proposal-1") { id status diff { key } } }' }],
  curationConflicts: [{ name: 'curationConflicts', query: '{ curationConflicts { proposal operation target message load } }' }],
  inclusionRequests: [{ name: 'inclusionRequests', query: '{ inclusionRequests(first: 20) { id status itemId stack { id } selfAssessment { criterion { id } level } timeline { at kind } decision { outcome criteria { level } } } }' }],
  inclusionRequest: [{ name: 'inclusionRequest', query: '{ inclusionRequest(id: "inclusion-request-1") { id status } }' }],
  notIncluded: [{ name: 'notIncluded', query: '{ notIncluded { id itemName decision { outcome reason } } }' }],
  exceptionRequests: [{ name: 'exceptionRequests', query: '{ exceptionRequests(first: 20) { id status requirementId until daysLeft } }' }],
  adoptionReports: [{ name: 'adoptionReports', query: '{ adoptionReports(first: 20) { id organizationId itemId status date applied } }' }],
  adoptionProgress: [{ name: 'adoptionProgress', query: `{ adoptionProgress(item: "${COMPONENT}", from: "2026-01", to: "2026-06") { item { id } periods series { land points { period inUse } } total { period planned piloting inUse retired } reports } }` }],
  loads: [{ name: 'loads', query: '{ loads(first: 5) { id at datasets inputHash initial itemised graphVersion nodesAdded relationshipsAdded } }' }],
  sources: [{ name: 'sources', query: '{ sources(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title url kind nodeCount relationshipCount factCount } } } }' }],
  source: [
    {
      name: 'source',
      query: `{ source(id: "${SOURCE}") { id title url publisher kind factCount
        facts(first: 20) { nodes { node { id name } locator } relationships { type from { id } to { id } evidence rule { id } locator } } } }`,
    },
  ],
  rules: [{ name: 'rules', query: `{ rules { id name statement type from to edgeCount ${CITE} } }` }],
  simulateChange: [
    {
      name: 'simulateChange',
      query: `{ simulateChange(removals: ["${COMPONENT}", "ozg-hub"]) { removals { ${WHATIF_NODE} } replacements { from { id } to { id } } lostToday { ${WHATIF_NODE} }
        summary { brokenServices degradedServices recoveredServices brokenComponents degradedComponents recoveredComponents requirementsViolated requirementsMet }
        changes(first: 60) { node { ${WHATIF_NODE} } before after ${LOST_ROLES} }
        requirements { requirement { id } service { id } before after missing { id } }
        byTopic { key node { id } brokenBefore brokenAfter degradedBefore degradedAfter } byExecutingLevel { key brokenAfter } byLayer { key node { id } brokenAfter } } }`,
    },
  ],
  risks: [{ name: 'risks', query: `{ risks(serviceId: "${SERVICE}") { service { id name } risks { kind item { ${WHATIF_NODE} } detail path { id } } byKind { kind count } } }` }],
  riskReach: [
    {
      name: 'riskReach',
      query: '{ riskReach(kind: licence_proprietary, first: 40) { kind items { id name label } serviceCount services(first: 40) { cursor service { id name } item { id } path { id } } } }',
    },
  ],
};

const QUERIES = Object.values(ROOT_QUERIES).flat();

/**
 * The lists the finding names (citations, profile unknown, removals, lost roles, risk items and
 * paths), by query and path (`*` for every item): the calm answers must hold items there, so that
 * losing them would show.
 */
const FINDING_LISTS: readonly (readonly [string, string])[] = [
  ['node(component)', 'node.sources'],
  ['node(component)', 'node.dependsOn.*.sources'],
  ['node(component)', 'node.criteriaAssessments.*.sources'],
  ['node(component)', 'node.lifecycle.*.sources'],
  ['source', 'source.facts.nodes'],
  ['rules', 'rules.*.sources'],
  ['ranking', 'ranking.edges.*.unknown'],
  ['simulateChange', 'simulateChange.removals'],
  ['simulateChange', 'simulateChange.changes.*.lostRoles.*.lost'],
  ['impactAnalysis.severity', 'impactAnalysis.severity.hits.*.lostRoles.*.left'],
  ['risks', 'risks.risks.*.path'],
  ['riskReach', 'riskReach.items'],
];

/** The longest list at `path` (dot-separated, `*` for every item of a list) in `data`; -1 when there is none. */
function longestListAt(data: unknown, path: string): number {
  const [key, ...rest] = path.split('.');
  if (key === undefined) return Array.isArray(data) ? data.length : -1;
  if (key === '*') return Array.isArray(data) ? Math.max(-1, ...data.map((d) => longestListAt(d, rest.join('.')))) : -1;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return -1;
  const next = (data as Record<string, unknown>)[key];
  return rest.length === 0 ? (Array.isArray(next) ? next.length : -1) : longestListAt(next, rest.join('.'));
}

/** One answer of a phase: which query, when, how long, what came back. */
interface Asked extends HttpAnswer {
  readonly name: string;
  readonly start: number;
  readonly ms: number;
}

/** POSTs one query past the response cache; status 0 when no answer came within 30 s. */
async function ask(url: string, name: string, query: string): Promise<Asked> {
  const start = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'cache-control': 'no-cache' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let body: HttpAnswer['body'];
    try {
      body = JSON.parse(text) as HttpAnswer['body'];
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}`, extensions: { code: `HTTP_${res.status}` } }] };
    }
    return { name, start, ms: Date.now() - start, status: res.status, body };
  } catch (e) {
    return { name, start, ms: Date.now() - start, status: 0, body: undefined };
  }
}

/** Asks every query in turn from `workers` loops until `done()`, keeping every answer in `answers`. */
async function hammer(url: string, done: () => boolean, answers: Asked[], workers = 6): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!done()) {
        const q = QUERIES[next++ % QUERIES.length] as (typeof QUERIES)[number];
        answers.push(await ask(url, q.name, q.query));
      }
    }),
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(25);
  }
  return Date.now() - t0;
}


/** A logger that keeps its JSON lines (warnings and worse), so that a masked error can be shown with its cause. */
function capturingLogger(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

/** The causes of the errors masked as INTERNAL_SERVER_ERROR in `lines`, counted. */
function maskedCauses(lines: readonly Record<string, unknown>[]): Record<string, number> {
  return tally(
    lines
      .filter((l) => typeof l.msg === 'string' && l.msg.startsWith('unexpected error'))
      .map((l) => {
        const err = (l.err ?? {}) as { type?: string; code?: string; message?: string; stack?: string };
        if (!err.message) return JSON.stringify(l).slice(0, 400);
        return `${err.type ?? '?'} ${err.code ?? ''}: ${err.message.slice(0, 160)} @ ${(err.stack ?? '').split('\n').slice(1, 3).map((x) => x.trim()).join(' < ')}`;
      }),
  );
}

const codesOf = (a: Asked): string[] => (a.status === 0 ? ['no answer'] : (a.body?.errors ?? []).length === 0 ? ['complete'] : (a.body?.errors ?? []).map((e) => String(e.extensions?.code)));

describe('the outage check (test/support/outageCheck.ts)', () => {
  const calm = { node: { id: 'bundid', sources: [{ source: { id: 'a' } }, { source: { id: 'b' } }] }, risks: [{ path: ['x', 'y'] }] };
  const unavailable = { message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } };

  it('passes a calm answer and an outage that fails whole or in part with its own code', () => {
    expect(outageViolations({ status: 200, body: { data: calm } }, calm)).toEqual([]);
    expect(outageViolations({ status: 503, body: { errors: [unavailable] } }, calm)).toEqual([]);
    expect(outageViolations({ status: 503, body: { data: { ...calm, node: null }, errors: [{ ...unavailable, path: ['node', 'sources'] }] } }, calm)).toEqual([]);
    expect(outageViolations({ status: 200, body: { data: null, errors: [{ message: 'late', path: ['risks'], extensions: { code: 'QUERY_TIMEOUT' } }] } }, calm)).toEqual([]);
  });

  it('catches NOT_FOUND for an existing id, other codes, a wrong status, a shorter list and a null without an error', () => {
    expect(outageViolations({ status: 200, body: { data: null, errors: [{ message: 'No node has the id "bundid"', path: ['node'], extensions: { code: 'NOT_FOUND' } }] } }, calm)).toEqual([
      'NOT_FOUND at node for an id that exists: No node has the id "bundid"',
    ]);
    expect(outageViolations({ status: 200, body: { errors: [{ message: 'Internal server error', path: ['node'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } }, calm)).toEqual([
      'INTERNAL_SERVER_ERROR at node: Internal server error',
    ]);
    expect(outageViolations({ status: 200, body: { errors: [unavailable] } }, calm)).toEqual(['HTTP 200 for an answer of SERVICE_UNAVAILABLE only (503 expected)']);
    expect(outageViolations({ status: 200, body: { data: { ...calm, node: { id: 'bundid', sources: [{ source: { id: 'a' } }] } } } }, calm)).toEqual(['node.sources has 1 items, the baseline 2']);
    expect(outageViolations({ status: 200, body: { data: { ...calm, node: null } } }, calm)).toEqual([
      'node is null without an error at or below it (the baseline has {"id":"bundid","sources":[{"source":{"id":"a"}},{"source":{"id":"b"}}]})',
    ]);
    // An error elsewhere does not excuse a null here.
    expect(outageViolations({ status: 503, body: { data: { ...calm, node: null }, errors: [{ ...unavailable, path: ['risks'] }] } }, calm)).toHaveLength(1);
  });
});

describe('an outage is an outage: Neo4j frozen or killed during requests to every root field', () => {
  const REQUEST_TIMEOUT_MS = 2_500;
  const dirs: string[] = [];
  const pids = new Set<number>();
  let frozen: number | undefined;
  let neo4j: EmbeddedNeo4j | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  let db: Db | undefined;
  let supervisor: Neo4jSupervisor | undefined;
  const servers: AppServer[] = [];
  let calmUrl = '';
  let outageUrl = '';
  /** The calm answer (`data`) of each query, by name; absent when the calm answer had errors. */
  const baseline = new Map<string, unknown>();
  const calmProblems: string[] = [];
  const { log, lines: logLines } = capturingLogger();

  beforeAll(async () => {
    const t0 = Date.now();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-outage-'));
    dirs.push(dataDir);
    const password = 'outage-test-password';
    const env = {
      PORT: '0',
      NODE_ENV: 'test',
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_DATA_DIR: dataDir,
      NEO4J_PASSWORD: password,
      NEO4J_HEAP: '768m',
      NEO4J_PAGECACHE_MB: '128',
      JAVA_HOME: process.env.JAVA_HOME,
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      // Every request of the phases reaches the database path; the per-client budget is not tested here.
      CLIENT_COST_PER_MINUTE: '0',
    };
    const config = loadConfig(env, false);
    neo4j = await startEmbeddedNeo4j({ config: config.neo4j.embedded, user: 'neo4j', password, log });
    pids.add(neo4j.pid);
    // Wired as src/app.ts wires it: the pool's size, the sessions shared out per client and request.
    const connect = (uri: string) => createDriver({ uri, user: 'neo4j', password, log, maxPoolSize: config.fairness.poolSize });
    driver = connect(neo4j.uri);
    await waitForNeo4j(driver, 'neo4j', 60_000);
    const cypher = loadCypher(declaredQueries());
    const setupDb = new Db(driver, 'neo4j', cypher);
    await applySchema(setupDb, log);
    await runSeed(setupDb, defaultSources(), log);
    const seededMs = Date.now() - t0;

    // Transactions end at the request's deadline (the outage server's is short), or after 120 s.
    const calmConfig = loadConfig({ ...env, QUERY_TIMEOUT_MS: '120000', REQUEST_TIMEOUT_MS: '120000' }, false);
    db = new Db(driver, 'neo4j', cypher, { txTimeoutMs: calmConfig.limits.queryTimeoutMs, sessions: sessionShares(config.fairness) });
    // Short pings: a frozen JVM is declared down after about 3 × (300 + 1000) ms. It is never killed
    // as hung here (hungRestartMs 0): the frozen phase stays frozen until it is continued.
    supervisor = new Neo4jSupervisor({ db, log, uri: neo4j.uri, embedded: neo4j, createDriver: connect, maxRestarts: 5, pingIntervalMs: 300, pingTimeoutMs: 1_000, unansweredBeforeDown: 3, hungRestartMs: 0 });
    supervisor.start();
    const about = readAbout();
    for (const c of [calmConfig, config]) {
      const server = createServer({ config: c, db, log, about, health: supervisor });
      servers.push(server);
      const url = await server.listen();
      if (c === calmConfig) calmUrl = url;
      else outageUrl = url;
    }

    // The calm answers, one query at a time (a busy machine may time a watchdog ping out: retried).
    const t1 = Date.now();
    const calmMs: [string, number][] = [];
    for (const q of QUERIES) {
      let a = await ask(calmUrl, q.name, q.query);
      calmMs.push([q.name, a.ms]);
      for (let i = 0; i < 3 && (a.body?.errors ?? []).some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE'); i++) {
        await waitFor('Neo4j up again', () => supervisor?.status().state === 'up', 30_000);
        a = await ask(calmUrl, q.name, q.query);
      }
      const errors = a.body?.errors ?? [];
      const data = a.body?.data ?? null;
      if (a.status !== 200 || errors.length > 0 || data === null) {
        calmProblems.push(`${q.name}: HTTP ${a.status} ${JSON.stringify(errors.map((e) => ({ code: e.extensions?.code, path: e.path?.join('.'), message: e.message })))}`);
      } else {
        baseline.set(q.name, data);
      }
    }
    console.log(
      `own Neo4j started and seeded in ${seededMs} ms; ${QUERIES.length} calm answers in ${Date.now() - t1} ms ` +
        `(slowest: ${JSON.stringify(calmMs.sort((x, y) => y[1] - x[1]).slice(0, 5))})` +
        (calmProblems.length > 0 ? `; masked errors: ${JSON.stringify(maskedCauses(logLines), null, 1)}` : ''),
    );
  }, 900_000);

  afterAll(async () => {
    // Never leave a stopped or running JVM behind: continue a frozen one, stop everything, then kill
    // whatever is still alive.
    if (frozen !== undefined && isAlive(frozen)) process.kill(frozen, 'SIGCONT');
    for (const s of servers) await s.stop().catch(() => undefined);
    if (supervisor) await supervisor.stop().catch(() => undefined);
    else await neo4j?.stop().catch(() => undefined);
    if (supervisor?.embedded) pids.add(supervisor.embedded.pid);
    // The driver in use (a new one when Neo4j came back elsewhere) and the first one.
    await db?.driver.close().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    for (const pid of pids) {
      if (isAlive(pid)) {
        process.kill(pid, 'SIGCONT');
        process.kill(pid, 'SIGKILL');
      }
    }
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('has a query for every root field of the Query type, as the server reports them', async () => {
    const a = await ask(calmUrl, 'introspection', '{ __schema { queryType { fields { name } } } }');
    const served = (a.body?.data as { __schema: { queryType: { fields: { name: string }[] } } }).__schema.queryType.fields.map((f) => f.name).sort();
    expect(served.length).toBeGreaterThanOrEqual(40);
    // auditLog and webhookDeliveries are for signed-in admins: this server has no sign-in, so it answers FORBIDDEN in calm
    // (its reads go through the same Db as every other root field).
    const needsSignIn = ['auditLog', 'webhookDeliveries'];
    expect([...Object.keys(ROOT_QUERIES), ...needsSignIn].sort()).toEqual(served);
  });

  it('answers every query in calm, without errors and with lists to lose', () => {
    expect(calmProblems).toEqual([]);
    const longest = FINDING_LISTS.map(([name, at]) => [name, at, longestListAt(baseline.get(name), at)] as const);
    console.log(`the lists the finding names, longest in the calm answers: ${JSON.stringify(longest)}`);
    expect(longest.filter(([name, , n]) => baseline.has(name) && n < 1)).toEqual([]);
  });

  /**
   * Runs one phase: asks every query from 6 loops, does `act` (the signal) while they run, and keeps
   * asking for at least `minMs` after `act` resolved, until every query was asked twice since then
   * (at most 30 s); then checks every answer, those under way at the signal included, against the
   * calm one.
   */
  async function phase(name: string, act: () => Promise<string>, minMs: number): Promise<void> {
    const fromLine = logLines.length;
    const answers: Asked[] = [];
    let actedAt = Infinity;
    const askedTwice = (): boolean => QUERIES.every((q) => answers.filter((a) => a.name === q.name && a.start >= actedAt).length >= 2);
    const done = (): boolean => Date.now() > actedAt + minMs && (askedTwice() || Date.now() > actedAt + 30_000);
    const running = hammer(outageUrl, done, answers);
    await sleep(400);
    const note = await act();
    actedAt = Date.now();
    await running;
    const violations = new Map<string, Set<string>>();
    for (const a of answers) {
      if (!baseline.has(a.name)) continue; // reported by the calm test
      for (const v of outageViolations(a, baseline.get(a.name))) {
        const set = violations.get(a.name) ?? new Set<string>();
        set.add(v.replace(/\.\d+(?=\.|$| )/g, '.#')); // one line per kind of problem, not per item
        violations.set(a.name, set);
      }
    }
    const byField = Object.fromEntries([...violations].map(([k, v]) => [k, [...v].slice(0, 5)]));
    console.log(
      `${name}: ${note}; ${answers.length} answers; codes ${JSON.stringify(tally(answers.flatMap(codesOf)))}; ` +
        `HTTP ${JSON.stringify(tally(answers.map((a) => String(a.status))))}; ` +
        `failing queries ${JSON.stringify(Object.keys(byField))}\n${JSON.stringify(byField, null, 1)}\n` +
        `masked errors: ${JSON.stringify(maskedCauses(logLines.slice(fromLine)), null, 1)}`,
    );
    expect(QUERIES.filter((q) => !answers.some((a) => a.name === q.name && a.start >= actedAt)).map((q) => q.name)).toEqual([]);
    expect(byField).toEqual({});
  }

  it('frozen (SIGSTOP): every answer fails with SERVICE_UNAVAILABLE or QUERY_TIMEOUT, or equals the calm one', async () => {
    const s = supervisor as Neo4jSupervisor;
    const pid = (s.embedded as EmbeddedNeo4j).pid;
    await phase(
      'frozen',
      async () => {
        process.kill(pid, 'SIGSTOP');
        frozen = pid;
        const downMs = await waitFor('the frozen Neo4j declared down', () => s.status().state !== 'up', 20_000);
        return `declared down ${downMs} ms after SIGSTOP`;
      },
      3_000,
    );
    process.kill(pid, 'SIGCONT');
    frozen = undefined;
    const upMs = await waitFor('Neo4j up again after SIGCONT', () => s.status().state === 'up', 30_000);
    console.log(`frozen: up again ${upMs} ms after SIGCONT`);
  }, 120_000);

  it('killed (SIGKILL): every answer fails with SERVICE_UNAVAILABLE or QUERY_TIMEOUT, or equals the calm one', async () => {
    const s = supervisor as Neo4jSupervisor;
    const pid = (s.embedded as EmbeddedNeo4j).pid;
    await phase(
      'killed',
      async () => {
        process.kill(pid, 'SIGKILL');
        const downMs = await waitFor('the killed Neo4j noticed', () => s.status().state !== 'up', 10_000);
        return `noticed ${downMs} ms after SIGKILL`;
      },
      3_000,
    );
    expect(isAlive(pid)).toBe(false);
  }, 120_000);
});
