import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { silentLog } from '../support/db';
import { latency, startProbe, within, type Sample } from '../support/probe';
import { externalStartEnv, isAlive, runStartCommand, startEnv, waitForLog, waitUntilGone, type StartedCommand } from '../support/startCommand';

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

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
