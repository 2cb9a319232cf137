import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { DatabaseUnavailableError } from '../../src/errors';
import { loadCypher } from '../../src/neo4j/cypher';
import { Db } from '../../src/neo4j/db';
import { createDriver, type Driver } from '../../src/neo4j/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { Neo4jSupervisor } from '../../src/neo4j/supervisor';
import { silentLog } from '../support/db';
import { freePort } from '../support/freePort';
import { latency, startProbe, within, type Sample } from '../support/probe';
import { externalStartEnv, isAlive, runStartCommand, startEnv, waitForLog, waitUntilGone, type StartedCommand } from '../support/startCommand';
import { holdTimingLock } from '../support/timingLock';

// Latency figures or a hard load: no other such file runs beside this one (test/support/timingLock.ts).
let releaseTimingLock: () => void = () => undefined;
beforeAll(async () => {
  releaseTimingLock = await holdTimingLock();
}, 900_000);
afterAll(() => releaseTimingLock());

/**
 * Supervision end to end, through the README's start command and real HTTP: a SIGKILLed embedded
 * Neo4j is noticed at once, requests fail fast with 503 while it is down, it is started again by
 * itself (on a new port when its old one is taken), the restart limit turns /healthz to 503, and an
 * external Neo4j that goes away and comes back is followed without a restart of the API.
 */
describe('the Neo4j supervisor', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-supervisor-'));
    dirs.push(dir);
    return dir;
  };
  const small = { NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64' };

  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every sample is a fast SERVICE_UNAVAILABLE (HTTP 503 within 1 s). */
  function expectFailFast(samples: readonly Sample[]): void {
    const wrong = samples.filter((s) => s.status !== 503 || s.code !== 'SERVICE_UNAVAILABLE' || s.ms >= 1000);
    expect(wrong).toEqual([]);
  }

  const graphqlOk = (s: Sample): boolean => s.status === 200 && s.code !== 'SERVICE_UNAVAILABLE';

  /** The first GraphQL answer after `t` that came from a working database. */
  async function firstOkAfter(samples: readonly Sample[], t: number, timeoutMs: number): Promise<Sample> {
    const t0 = Date.now();
    for (;;) {
      const ok = samples.find((s) => s.start > t && graphqlOk(s));
      if (ok) return ok;
      if (Date.now() - t0 > timeoutMs) throw new Error(`no successful GraphQL answer within ${timeoutMs} ms; last: ${JSON.stringify(samples.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function stopCommand(command: StartedCommand): Promise<number | null> {
    command.child.kill('SIGTERM');
    const { code } = await command.exited;
    return code;
  }

  it('restarts a killed embedded Neo4j, failing requests fast meanwhile, also when its Bolt port is taken', async () => {
    const command = await runStartCommand(startEnv({ PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: tempDir(), SEED_ON_START: 'never', LOG_LEVEL: 'info', ...small }));
    const probe = startProbe(command.url);
    let squatter: net.Server | undefined;
    try {
      await firstOkAfter(probe.graphql, 0, 10_000);

      // 1. kill -9 of the JVM: the Bolt port is free again, Neo4j comes back on it.
      const firstPid = command.javaPid;
      const killedAt = Date.now();
      process.kill(firstPid, 'SIGKILL');
      const exitLog = await waitForLog(command, 'embedded Neo4j exited unexpectedly', 5_000);
      expect(exitLog).toMatchObject({ level: 50, javaPid: firstPid, signal: 'SIGKILL' });
      const noticedMs = exitLog.time - killedAt;
      expect(noticedMs).toBeLessThan(3_000);
      expect(await waitForLog(command, 'restarting embedded Neo4j', 10_000)).toMatchObject({ attempt: 1, delayMs: 1000 });
      const restartedLog = await waitForLog(command, 'embedded Neo4j restarted', 180_000);
      const ok = await firstOkAfter(probe.graphql, killedAt, 10_000);
      const recoveryMs = ok.end - killedAt;

      const outage = within(probe.graphql, exitLog.time, restartedLog.time);
      expect(outage.length).toBeGreaterThanOrEqual(20);
      expectFailFast(outage);
      expect(within(probe.readyz, exitLog.time, restartedLog.time).map((s) => s.status)).toEqual(expect.arrayContaining([503]));
      expect(within(probe.readyz, exitLog.time, restartedLog.time).filter((s) => s.status !== 503)).toEqual([]);
      const ready = command.logs.filter((l) => l.msg === 'embedded Neo4j is ready');
      expect(ready).toHaveLength(2);
      // Most of the recovery is Neo4j's own start (about 10 s on an idle 2-core machine, over a minute
      // when other test suites load it): what supervision adds on top (noticing the exit, the 1 s
      // backoff, the first answer) stays small, and the whole stays within 90 s or twice a first start.
      const [firstStartMs, restartMs] = ready.map((l) => l.ms as number) as [number, number];
      expect(recoveryMs - restartMs).toBeLessThan(10_000);
      expect(recoveryMs).toBeLessThan(Math.max(90_000, 2 * firstStartMs));
      const secondPid = ready[1]?.javaPid as number;
      expect(secondPid).not.toBe(firstPid);
      expect(ready[1]?.uri).toBe(command.boltUri);
      expect(isAlive(firstPid)).toBe(false);
      expect(isAlive(secondPid)).toBe(true);
      console.log(
        `embedded, Bolt port free: exit noticed after ${noticedMs} ms; Neo4j downtime ${restartedLog.downtimeMs as number} ms ` +
          `(its start took ${restartMs} ms, the first start ${firstStartMs} ms); ` +
          `first good answer ${recoveryMs} ms after the kill; during the outage ${JSON.stringify(latency(outage))} (all 503); ` +
          `requests under way at the kill: ${JSON.stringify(probe.graphql.filter((s) => s.start <= exitLog.time && s.end > killedAt).map((s) => [s.status, s.ms]))}`,
      );

      // 2. kill -9 again, and something else takes the Bolt port: Neo4j comes back on a free port,
      // the driver follows it (the old port now answers nothing Bolt could use).
      const from = command.logs.length;
      const killedAgainAt = Date.now();
      process.kill(secondPid, 'SIGKILL');
      const exitAgain = await waitForLog(command, 'embedded Neo4j exited unexpectedly', 5_000, { from });
      squatter = net.createServer((socket) => socket.on('error', () => undefined));
      await new Promise<void>((resolve, reject) => {
        squatter?.once('error', reject);
        squatter?.listen(Number(new URL(command.boltUri).port), '127.0.0.1', resolve);
      });
      expect(await waitForLog(command, 'restarting embedded Neo4j', 10_000, { from })).toMatchObject({ attempt: 1, delayMs: 2000, restartsInWindow: 2 });
      const movedLog = await waitForLog(command, 'Neo4j listens on a new address; the driver now points there', 180_000, { from });
      const restartedAgain = await waitForLog(command, 'embedded Neo4j restarted', 30_000, { from });
      const okAgain = await firstOkAfter(probe.graphql, restartedAgain.time, 10_000);
      expectFailFast(within(probe.graphql, exitAgain.time, restartedAgain.time));
      const third = command.logs.slice(from).find((l) => l.msg === 'embedded Neo4j is ready');
      expect(third?.uri).toBe(movedLog.uri);
      expect(third?.uri).not.toBe(command.boltUri);
      expect(isAlive(secondPid)).toBe(false);
      console.log(`embedded, Bolt port taken: restarted on ${movedLog.uri as string}; Neo4j downtime ${restartedAgain.downtimeMs as number} ms; first good answer ${okAgain.end - killedAgainAt} ms after the kill`);

      // /healthz said 200 the whole time: the process could heal itself.
      await probe.stop();
      expect(probe.healthz.filter((s) => s.status !== 200)).toEqual([]);

      const thirdPid = third?.javaPid as number;
      expect(await stopCommand(command)).toBe(0);
      expect(await waitUntilGone(thirdPid, 10_000)).toBeLessThan(10_000);
      expect(command.logs.filter((l) => (l.level as number) >= 50 && l.msg !== 'embedded Neo4j exited unexpectedly' && !l.neo4jDriver)).toEqual([]);
    } finally {
      await probe.stop();
      squatter?.close();
      command.child.kill('SIGKILL');
    }
  }, 420_000);

  it('gives up after NEO4J_MAX_RESTARTS restarts: /healthz and /readyz turn 503', async () => {
    const command = await runStartCommand(
      startEnv({ PORT: '0', NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: tempDir(), SEED_ON_START: 'never', NEO4J_MAX_RESTARTS: '0', ...small }),
    );
    const origin = new URL(command.url).origin;
    try {
      process.kill(command.javaPid, 'SIGKILL');
      await waitForLog(command, 'embedded Neo4j exited unexpectedly', 5_000);
      expect(await waitForLog(command, 'restart limit reached; restart the process', 5_000)).toMatchObject({ level: 60, maxRestarts: 0 });
      const healthz = await fetch(`${origin}/healthz`);
      expect(healthz.status).toBe(503);
      expect(await healthz.json()).toEqual({ status: 'failed', neo4j: 'failed' });
      const readyz = await fetch(`${origin}/readyz`);
      expect(readyz.status).toBe(503);
      expect(await readyz.json()).toEqual({ status: 'unavailable', neo4j: 'failed' });
      const probe = startProbe(command.url);
      await new Promise((r) => setTimeout(r, 500));
      await probe.stop();
      expectFailFast(probe.graphql);
      expect(command.logs.map((l) => l.msg)).not.toContain('restarting embedded Neo4j');
      expect(await stopCommand(command)).toBe(0);
    } finally {
      command.child.kill('SIGKILL');
    }
  }, 180_000);

  it('follows an external Neo4j (NEO4J_URI) that dies and comes back, without restarting', async () => {
    const password = 'external-test-password';
    const boltPort = await freePort();
    const config = loadConfig(
      { NEO4J_BOLT_PORT: String(boltPort), NEO4J_DATA_DIR: tempDir(), NEO4J_PASSWORD: password, JAVA_HOME: process.env.JAVA_HOME, ...small },
      false,
    ).neo4j.embedded;
    const neo4j = await startEmbeddedNeo4j({ config, user: 'neo4j', password, log: silentLog });
    let again: Awaited<ReturnType<typeof neo4j.startAgain>> | undefined;
    const command = await runStartCommand(externalStartEnv({ PORT: '0', NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: password, SEED_ON_START: 'never' }));
    const probe = startProbe(command.url);
    try {
      await firstOkAfter(probe.graphql, 0, 10_000);
      const killedAt = Date.now();
      process.kill(neo4j.pid, 'SIGKILL');
      await neo4j.exited;
      const downLog = await waitForLog(command, 'Neo4j does not answer; requests fail at once with SERVICE_UNAVAILABLE until it does', 10_000);
      const detectedMs = downLog.time - killedAt;
      expect(detectedMs).toBeLessThan(6_000);
      await new Promise((r) => setTimeout(r, 3_000));

      const restartAt = Date.now();
      again = await neo4j.startAgain();
      expect(again.uri).toBe(neo4j.uri);
      const readyAt = Date.now();
      const upLog = await waitForLog(command, 'Neo4j answers again', 15_000);
      const ok = await firstOkAfter(probe.graphql, readyAt, 10_000);
      await probe.stop();

      const outage = within(probe.graphql, downLog.time, upLog.time);
      expect(outage.length).toBeGreaterThanOrEqual(20);
      expectFailFast(outage);
      expect(within(probe.readyz, downLog.time, upLog.time).filter((s) => s.status !== 503)).toEqual([]);
      expect(within(probe.readyz, downLog.time, upLog.time).length).toBeGreaterThan(0);
      expect(probe.healthz.filter((s) => s.status !== 200)).toEqual([]);
      // The same process answered throughout: the driver reconnected by itself.
      expect(command.child.exitCode).toBeNull();
      expect(command.logs.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('GraphQL API ready'))).toHaveLength(1);
      const detecting = probe.graphql.filter((s) => s.start > killedAt && s.start <= downLog.time);
      console.log(
        `external: outage noticed ${detectedMs} ms after the kill (requests in that window: ${JSON.stringify(latency(detecting))}); ` +
          `during the outage ${JSON.stringify(latency(outage))} (all 503); Neo4j start took ${readyAt - restartAt} ms; ` +
          `API answered ${ok.end - readyAt} ms after Neo4j was ready (log: downtime ${upLog.downtimeMs as number} ms)`,
      );
      expect(ok.end - readyAt).toBeLessThan(10_000);

      // A stall is not an outage: a server silent for 5 s (SIGSTOP) stays `up`, with a warning; one
      // that stays silent is `down` after three unanswered pings, and `up` again once it answers.
      const from = command.logs.length;
      const stalled = again.pid;
      process.kill(stalled, 'SIGSTOP');
      await new Promise((r) => setTimeout(r, 5_000));
      process.kill(stalled, 'SIGCONT');
      await new Promise((r) => setTimeout(r, 2_500));
      expect(command.logs.slice(from).map((l) => l.msg)).toContain('Neo4j is slow to answer the watchdog');
      expect(command.logs.slice(from).map((l) => l.msg)).not.toContain(downLog.msg);
      expect(await fetch(`${new URL(command.url).origin}/readyz`).then((r) => r.status)).toBe(200);
      const hungAt = Date.now();
      process.kill(stalled, 'SIGSTOP');
      const hungLog = await waitForLog(command, downLog.msg, 30_000, { from });
      expect(hungLog).toMatchObject({ unansweredPings: 3, reason: 'no answer within 2000 ms' });
      const graphql = await fetch(command.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ about { database { nodeCount } } }"}' });
      expect(graphql.status).toBe(503);
      process.kill(stalled, 'SIGCONT');
      await waitForLog(command, 'Neo4j answers again', 15_000, { from });
      console.log(`external, server silent (SIGSTOP): declared down after ${hungLog.time - hungAt} ms`);

      expect(await stopCommand(command)).toBe(0);
    } finally {
      await probe.stop();
      if (again && isAlive(again.pid)) process.kill(again.pid, 'SIGCONT');
      command.child.kill('SIGKILL');
      await again?.stop();
      await neo4j.stop();
    }
  }, 360_000);
});

/**
 * The supervisor driven directly (no HTTP), with a fast watchdog: a read under way when the JVM is
 * killed ends at once, a JVM that stops answering (SIGSTOP) is killed and restarted after the hung
 * time, and the data folder, pre-created as an older version left it (0755/0644), is the owner's alone.
 */
describe('the supervisor of an embedded Neo4j, driven directly', () => {
  /** A read that keeps Neo4j busy for a minute or more (no APOC: plain Cypher arithmetic). */
  const SLOW = 'UNWIND range(1, 5000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*) AS n';
  const HUNG_RESTART_MS = 8_000;
  const PING = { pingIntervalMs: 500, pingTimeoutMs: 2_000, unansweredBeforeDown: 2 };
  const password = 'supervisor-direct-password';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dstack-graph-supervisor-direct-'));
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const drivers: Driver[] = [];
  const makeDriver = (uri: string): Driver => {
    const driver = createDriver({ uri, user: 'neo4j', password, log: silentLog });
    drivers.push(driver);
    return driver;
  };
  let first: EmbeddedNeo4j | undefined;
  let db: Db;
  let supervisor: Neo4jSupervisor | undefined;
  let preCreated: string[] = [];

  /** Every JVM this block started (the supervisor starts new ones): none may outlive it. */
  const javaPids = (): number[] => logs.filter((l) => l.msg === 'embedded Neo4j is ready').map((l) => l.javaPid as number);

  /** The first log entry from index `from` on whose message is or starts with `msg`. */
  async function logEntry(msg: string, timeoutMs: number, from = 0): Promise<Record<string, unknown>> {
    const t0 = Date.now();
    for (;;) {
      const hit = logs.slice(from).find((l) => typeof l.msg === 'string' && l.msg.startsWith(msg));
      if (hit) return hit;
      if (Date.now() - t0 > timeoutMs) throw new Error(`no log "${msg}" within ${timeoutMs} ms; last: ${JSON.stringify(logs.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    // As an older version left it: folders 0755, files 0644 (also the password file and a log).
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(path.join(dataDir, 'logs'));
    fs.chmodSync(path.join(dataDir, 'logs'), 0o755);
    for (const file of ['password', 'logs/neo4j.log']) {
      fs.writeFileSync(path.join(dataDir, file), 'left by an older version\n');
      fs.chmodSync(path.join(dataDir, file), 0o644);
    }
    preCreated = notOwnerOnly(dataDir);
    const config = loadConfig(
      { NEO4J_BOLT_PORT: '0', NEO4J_DATA_DIR: dataDir, NEO4J_PASSWORD: password, JAVA_HOME: process.env.JAVA_HOME, NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64' },
      false,
    ).neo4j.embedded;
    first = await startEmbeddedNeo4j({ config, user: 'neo4j', password, log });
    // The transaction timeout only bounds the slow read below, should it ever outlive its 503.
    db = new Db(makeDriver(first.uri), 'neo4j', loadCypher([]), { txTimeoutMs: 60_000 });
    const started = Date.now();
    for (;;) {
      try {
        await db.ping(2_000);
        break;
      } catch (e) {
        if (Date.now() - started > 60_000) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    supervisor = new Neo4jSupervisor({ db, log, uri: first.uri, embedded: first, createDriver: makeDriver, maxRestarts: 5, hungRestartMs: HUNG_RESTART_MS, ...PING }).start();
  }, 240_000);

  afterAll(async () => {
    const stopping = supervisor?.stop() ?? first?.stop();
    // A stopped (SIGSTOP) JVM would sit out the stop's grace period: no JVM of this block survives it.
    for (const pid of javaPids()) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await stopping;
    await Promise.all(drivers.map((d) => d.close().catch(() => undefined)));
    for (const pid of javaPids()) expect(isAlive(pid)).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('keeps the data folder readable by its owner only: folders 0700, files 0600, also what an older version left', async () => {
    expect(preCreated).toEqual(['755 .', '755 logs', '644 logs/neo4j.log', '644 password']);
    await db.write((tx) => tx.runText('CREATE (:SupervisorPermissionProbe {at: timestamp()})'));
    await db.write((tx) => tx.runText('MATCH (n:SupervisorPermissionProbe) DELETE n'));
    expect(notOwnerOnly(dataDir)).toEqual([]);
    expect(await logEntry('made the data folder readable by its owner only', 0)).toMatchObject({ tightened: 4 });
    const walked = allEntries(dataDir);
    expect(walked.some((p) => p.startsWith('data/databases/system/'))).toBe(true);
    expect(walked.some((p) => p.startsWith('data/transactions/neo4j/'))).toBe(true);
    console.log(`data folder: ${walked.length} files and folders, none readable by group or others; the start tightened the 4 pre-created ones`);
  });

  it('ends a read under way at once when the JVM is killed (SERVICE_UNAVAILABLE within 1 s)', async () => {
    const from = logs.length;
    const pid = (supervisor as Neo4jSupervisor).embedded?.pid as number;
    const reading = db.read((tx) => tx.runText(SLOW)).then(
      () => new Error('the slow read answered'),
      (e: unknown) => e,
    );
    // Kill only once the read runs on the server.
    const t0 = Date.now();
    for (;;) {
      const rows = await db.read((tx) => tx.runText("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 5000000000)' RETURN count(*) AS n"));
      if (rows[0]?.n === 1) break;
      if (Date.now() - t0 > 20_000) throw new Error('the slow read did not start on the server within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const e = await reading;
    const failedMs = Date.now() - killedAt;
    expect(e).toBeInstanceOf(DatabaseUnavailableError);
    expect((e as DatabaseUnavailableError).code).toBe('SERVICE_UNAVAILABLE');
    expect(failedMs).toBeLessThan(1_000);
    expect(await logEntry('transactions under way ended with SERVICE_UNAVAILABLE', 0, from)).toMatchObject({ ended: 1 });
    // and it comes back by itself
    const restarted = await logEntry('embedded Neo4j restarted', 180_000, from);
    await expect(db.read((tx) => tx.runText('RETURN 1 AS one'))).resolves.toEqual([{ one: 1 }]);
    console.log(`embedded, kill -9 with a read under way: the read failed with SERVICE_UNAVAILABLE ${failedMs} ms after the kill; Neo4j answered again after ${restarted.downtimeMs as number} ms`);
  }, 240_000);

  it(`kills a hung (SIGSTOPped) JVM after the hung time (${HUNG_RESTART_MS} ms here) and restarts it like a dead one`, async () => {
    const from = logs.length;
    const pid = (supervisor as Neo4jSupervisor).embedded?.pid as number;
    const stoppedAt = Date.now();
    process.kill(pid, 'SIGSTOP');
    try {
      const down = await logEntry('Neo4j does not answer; requests fail at once with SERVICE_UNAVAILABLE until it does', 20_000, from);
      expect(supervisor?.status().state).toBe('down');
      const t0 = Date.now();
      await expect(db.read((tx) => tx.runText('RETURN 1 AS one'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(Date.now() - t0).toBeLessThan(1_000);
      expect(isAlive(pid)).toBe(true);

      const hung = await logEntry('embedded Neo4j hung: no answer for', HUNG_RESTART_MS + 20_000, from);
      expect(hung).toMatchObject({ level: 50, javaPid: pid, hungRestartMs: HUNG_RESTART_MS });
      expect(hung.silentMs as number).toBeGreaterThanOrEqual(HUNG_RESTART_MS);
      // Noticed at the end of the first ping that ends after the hung time: within one interval and timeout of it.
      expect(hung.silentMs as number).toBeLessThan(HUNG_RESTART_MS + 2 * (PING.pingIntervalMs + PING.pingTimeoutMs) + 1_000);
      const exit = await logEntry('embedded Neo4j exited unexpectedly', 5_000, from);
      expect(exit).toMatchObject({ javaPid: pid, signal: 'SIGKILL' });
      expect(await waitUntilGone(pid, 5_000)).toBeLessThan(5_000);
      expect(await logEntry('restarting embedded Neo4j', 10_000, from)).toMatchObject({ attempt: 1 });
      const restarted = await logEntry('embedded Neo4j restarted', 180_000, from);
      await expect(db.read((tx) => tx.runText('RETURN 1 AS one'))).resolves.toEqual([{ one: 1 }]);
      const answeredAt = Date.now();
      expect(supervisor?.status().state).toBe('up');
      expect(supervisor?.embedded?.pid).not.toBe(pid);
      console.log(
        `embedded, JVM stopped (SIGSTOP): marked down ${(down.time as number) - stoppedAt} ms after the stop; ` +
          `killed ${(hung.time as number) - stoppedAt} ms after it (${hung.silentMs as number} ms after the first unanswered ping; hung time ${HUNG_RESTART_MS} ms); ` +
          `restarted (Neo4j answered) ${(restarted.time as number) - stoppedAt} ms, a read answered ${answeredAt - stoppedAt} ms after the stop`,
      );
    } finally {
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 300_000);
});

/** Files and folders under `dir` (itself included, as `.`) that group or others may access, as `mode path`, sorted. */
function notOwnerOnly(dir: string): string[] {
  return allEntries(dir)
    .map((p) => ({ p, mode: fs.lstatSync(path.join(dir, p)).mode }))
    .filter(({ mode }) => (mode & 0o077) !== 0)
    .map(({ p, mode }) => `${(mode & 0o777).toString(8)} ${p}`);
}

/** `dir` (as `.`) and every file and folder under it, relative to it, sorted; symbolic links not followed. */
function allEntries(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    out.push(rel);
    const st = fs.lstatSync(path.join(dir, rel));
    if (st.isDirectory()) for (const name of fs.readdirSync(path.join(dir, rel))) walk(rel === '.' ? name : `${rel}/${name}`);
  };
  walk('.');
  return out.sort();
}

