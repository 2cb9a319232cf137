import { DatabaseUnavailableError } from '../errors';
import type { Logger } from '../logger';
import type { Db } from './db';
import { NoAnswerError, pingNeo4j, type Driver } from './driver';
import type { EmbeddedNeo4j, Neo4jExit } from './embedded';
import type { Neo4jHealth, Neo4jStatus } from './health';
import { DEFAULT_RESTART_POLICY, decideRestart, type RestartPolicy } from './restartPolicy';

export interface SupervisorOptions {
  readonly db: Db;
  readonly log: Logger;
  /** The URI the driver uses now. */
  readonly uri: string;
  /** The embedded Neo4j to keep alive; absent when NEO4J_URI names the server (then it is only watched). */
  readonly embedded?: EmbeddedNeo4j;
  /**
   * Makes a driver with the API's credentials: for a restarted Neo4j that listens on another URI,
   * and the watchdog's own (so that its ping never waits behind requests for a pooled connection).
   */
  readonly createDriver: (uri: string) => Driver;
  /** Restarts allowed within the policy's window (NEO4J_MAX_RESTARTS). */
  readonly maxRestarts: number;
  /** Overrides of the restart window and backoff (tests). */
  readonly policy?: Partial<Omit<RestartPolicy, 'maxRestarts'>>;
  /** Pause between two watchdog pings, in ms. */
  readonly pingIntervalMs?: number;
  /** How long one ping may take before it counts as unanswered, in ms. */
  readonly pingTimeoutMs?: number;
  /**
   * Unanswered pings in a row that make the state `down` (a busy server answers late; a dead one
   * refuses the connection, which counts at once).
   */
  readonly unansweredBeforeDown?: number;
  /** How long a restarted Neo4j may take to answer the driver before the attempt counts as failed, in ms. */
  readonly answerTimeoutMs?: number;
  /**
   * How long the embedded JVM may leave watchdog pings unanswered, counted from the first unanswered
   * one, before it is killed (SIGKILL) and restarted like a dead one, in ms (NEO4J_HUNG_RESTART_S;
   * default 30 000; 0 = never). An external Neo4j is only watched.
   */
  readonly hungRestartMs?: number;
}

/**
 * Keeps the API's Neo4j in view and, when it runs embedded, alive. Exits of the JVM are seen at once
 * (state `down`, error log) and answered with restarts under a backoff and a limit (then `failed`);
 * a watchdog ping every ~2 s on its own connection catches a server that refuses connections (at
 * once) or stays silent (after three unanswered pings); it is the only recovery in external mode,
 * where the driver reconnects by itself. An embedded JVM that stays silent (hung, or stopped with
 * SIGSTOP) for `hungRestartMs` is killed and restarted like a dead one. While the state is not `up`,
 * the Db's availability gate fails every transaction at once with SERVICE_UNAVAILABLE instead of
 * letting it wait, and the transactions under way when it left `up` are ended at once the same way.
 */
export class Neo4jSupervisor implements Neo4jHealth {
  private state: Neo4jStatus['state'] = 'up';
  private since = Date.now();
  private downSince = 0;
  private restarts = 0;
  private readonly restartTimes: number[] = [];
  private readonly policy: RestartPolicy;
  private current: EmbeddedNeo4j | undefined;
  private currentAlive = true;
  private currentUri: string;
  private recovering = false;
  private recovery: Promise<void> = Promise.resolve();
  /** Bumped on every change of state, so that a ping that began before a change is ignored after it. */
  private epoch = 0;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private watchdogDriver: Driver | undefined;
  private unanswered = 0;
  /** When the first of the unanswered pings in a row was sent (epoch ms); 0 while pings are answered. */
  private unansweredSince = 0;
  /** The pid of the JVM killed as hung, so that it is killed (and logged) once. */
  private hungKilledPid = 0;
  private readonly abort = new AbortController();

  constructor(private readonly options: SupervisorOptions) {
    this.current = options.embedded;
    this.currentUri = options.uri;
    this.policy = { ...DEFAULT_RESTART_POLICY, ...options.policy, maxRestarts: options.maxRestarts };
  }

  /** Installs the availability gate, follows the embedded JVM and starts the watchdog. */
  start(): this {
    this.options.db.setAvailabilityGate(() => (this.state === 'up' ? null : new DatabaseUnavailableError()));
    if (this.current) this.follow(this.current);
    this.watchdogDriver = this.options.createDriver(this.currentUri);
    this.scheduleTick();
    return this;
  }

  status(): Neo4jStatus {
    return { state: this.state, since: this.since, restarts: this.restarts };
  }

  /** The embedded Neo4j running now (a new one after each restart). */
  get embedded(): EmbeddedNeo4j | undefined {
    return this.current;
  }

  /** The URI the driver uses now. */
  get uri(): string {
    return this.currentUri;
  }

  /** Stops watching and restarting, then stops the embedded Neo4j; nothing is restarted afterwards. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      clearTimeout(this.tickTimer);
      this.abort.abort();
      await this.recovery.catch(() => undefined);
      await this.current?.stop();
      await this.watchdogDriver?.close().catch(() => undefined);
    })();
    return this.stopping;
  }

  private setState(state: Neo4jStatus['state']): void {
    if (state === this.state) return;
    const wasUp = this.state === 'up';
    if (wasUp) this.downSince = Date.now();
    this.state = state;
    this.since = Date.now();
    this.epoch += 1;
    if (state === 'up') {
      // A fresh start: unanswered pings of the server before it do not count against this one.
      this.unanswered = 0;
      this.unansweredSince = 0;
    }
    if (wasUp) {
      // The gate is closed now; requests already waiting on the lost server end at once as well,
      // instead of waiting for the driver's retries (seconds) or a hung server (forever).
      const ended = this.options.db.failInFlight(new DatabaseUnavailableError());
      if (ended > 0) this.options.log.warn({ ended, state }, 'transactions under way ended with SERVICE_UNAVAILABLE');
    }
  }

  private follow(handle: EmbeddedNeo4j): void {
    this.currentAlive = true;
    handle.onExit((exit) => this.onExit(handle, exit));
  }

  private onExit(handle: EmbeddedNeo4j, exit: Neo4jExit): void {
    if (handle !== this.current) return;
    this.currentAlive = false;
    if (this.stopped || exit.requested) return;
    const log = { javaPid: exit.pid, code: exit.code, signal: exit.signal };
    if (this.recovering) {
      // A restarted JVM died before it answered: the restart loop sees it and tries again.
      this.options.log.error(log, 'embedded Neo4j exited unexpectedly');
      return;
    }
    this.setState('down'); // closes the gate before anything else runs
    this.options.log.error(log, 'embedded Neo4j exited unexpectedly');
    this.recovery = this.recover();
  }

  /** Restarts the embedded Neo4j until it answers, the limit is reached, or the supervisor stops. */
  private async recover(): Promise<void> {
    const { log } = this.options;
    this.recovering = true;
    try {
      for (let attempt = 1; !this.stopped; attempt += 1) {
        const decision = decideRestart(this.restartTimes, Date.now(), this.policy);
        if (decision.action === 'give-up') {
          this.setState('failed');
          clearTimeout(this.tickTimer);
          log.fatal(
            { restarts: decision.recentRestarts, maxRestarts: this.policy.maxRestarts, windowMs: this.policy.windowMs },
            'restart limit reached; restart the process',
          );
          return;
        }
        await sleep(decision.delayMs, this.abort.signal);
        if (this.stopped) return;
        this.restartTimes.push(Date.now());
        this.restarts += 1;
        this.setState('restarting');
        log.warn({ attempt, delayMs: decision.delayMs, restartsInWindow: decision.recentRestarts + 1 }, 'restarting embedded Neo4j');
        try {
          await this.restartOnce();
          if (this.stopped) return;
          this.renewWatchdogDriver();
          this.setState('up');
          log.info({ downtimeMs: Date.now() - this.downSince, attempt, javaPid: this.current?.pid, uri: this.currentUri }, 'embedded Neo4j restarted');
          return;
        } catch (e) {
          if (this.stopped) return;
          this.setState('down');
          log.error({ attempt, err: e }, 'restarting embedded Neo4j failed');
          if (this.currentAlive) await this.current?.stop();
        }
      }
    } finally {
      this.recovering = false;
    }
  }

  /** One start of a new JVM: points the driver at it when its URI changed, waits until it answers. */
  private async restartOnce(): Promise<void> {
    const previous = this.current as EmbeddedNeo4j;
    const next = await previous.startAgain({ signal: this.abort.signal });
    this.current = next;
    this.follow(next);
    if (this.stopped) return;
    if (next.uri !== this.currentUri) {
      const oldDriver = this.options.db.driver;
      this.options.db.replaceDriver(this.options.createDriver(next.uri));
      this.options.log.info({ uri: next.uri, previous: this.currentUri }, 'Neo4j listens on a new address; the driver now points there');
      this.currentUri = next.uri;
      void oldDriver.close().catch(() => undefined);
    }
    const deadline = Date.now() + (this.options.answerTimeoutMs ?? 30_000);
    for (;;) {
      if (this.stopped) return;
      if (!this.currentAlive) throw new Error(`Neo4j (pid ${next.pid}) exited right after its start`);
      try {
        await this.options.db.ping(this.options.pingTimeoutMs ?? 2000);
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`the restarted Neo4j does not answer at ${next.uri}: ${(e as Error).message}`);
        await sleep(200, this.abort.signal);
      }
    }
  }

  /** A fresh watchdog driver after a restart: nothing of the old server's connections stays pooled. */
  private renewWatchdogDriver(): void {
    const old = this.watchdogDriver;
    this.watchdogDriver = this.options.createDriver(this.currentUri);
    void old?.close().catch(() => undefined);
  }

  private scheduleTick(): void {
    if (this.stopped || this.state === 'failed') return;
    this.tickTimer = setTimeout(() => void this.tick(), this.options.pingIntervalMs ?? 2000);
    this.tickTimer.unref();
  }

  /**
   * One watchdog ping; the restart loop owns the state while it runs. A refused or broken connection
   * makes the state `down` at once; unanswered pings only when `unansweredBeforeDown` come in a row,
   * so that a server busy with a burst of requests is not declared dead (which would fail them all).
   */
  private async tick(): Promise<void> {
    const epoch = this.epoch;
    const sentAt = Date.now();
    let failure: unknown;
    try {
      await pingNeo4j(this.watchdogDriver as Driver, this.options.db.database, this.options.pingTimeoutMs ?? 2000);
    } catch (e) {
      failure = e ?? new Error('ping failed');
      // A killed JVM resets its connections a moment before its exit is reported: let the exit win.
      if (this.current && !(failure instanceof NoAnswerError)) await sleep(EXIT_GRACE_MS, this.abort.signal);
    }
    if (!this.stopped && !this.recovering && epoch === this.epoch) {
      const unanswered = failure instanceof NoAnswerError;
      this.unanswered = unanswered ? this.unanswered + 1 : 0;
      if (!unanswered) this.unansweredSince = 0;
      else if (this.unanswered === 1) this.unansweredSince = sentAt;
      const { log } = this.options;
      if (failure === undefined) {
        if (this.state === 'down') {
          this.setState('up');
          log.info({ downtimeMs: Date.now() - this.downSince, uri: this.currentUri }, 'Neo4j answers again');
        }
      } else if (this.state === 'up') {
        if (!unanswered || this.unanswered >= (this.options.unansweredBeforeDown ?? 3)) {
          this.setState('down');
          log.error(
            { uri: this.currentUri, reason: (failure as Error).message, unansweredPings: this.unanswered },
            'Neo4j does not answer; requests fail at once with SERVICE_UNAVAILABLE until it does',
          );
        } else {
          log.warn({ uri: this.currentUri, unansweredPings: this.unanswered }, 'Neo4j is slow to answer the watchdog');
        }
      }
      if (unanswered) this.killIfHung();
    }
    this.scheduleTick();
  }

  /**
   * Kills the embedded JVM once it has left pings unanswered for `hungRestartMs`: SIGKILL also ends
   * a stopped (SIGSTOP) process, and its exit then takes the restart path of a dead one.
   */
  private killIfHung(): void {
    const hungRestartMs = this.options.hungRestartMs ?? DEFAULT_HUNG_RESTART_MS;
    const handle = this.current;
    if (!handle || !this.currentAlive || hungRestartMs <= 0 || handle.pid === this.hungKilledPid) return;
    const silentMs = Date.now() - this.unansweredSince;
    if (silentMs < hungRestartMs) return;
    this.hungKilledPid = handle.pid;
    this.options.log.error(
      { javaPid: handle.pid, silentMs, unansweredPings: this.unanswered, hungRestartMs },
      `embedded Neo4j hung: no answer for ${Math.round(silentMs / 1000)} s; killing it to restart`,
    );
    try {
      process.kill(handle.pid, 'SIGKILL');
    } catch (e) {
      // ESRCH: it ended meanwhile; its exit is reported (and answered) anyway.
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') this.options.log.error({ javaPid: handle.pid, err: e }, 'killing the hung embedded Neo4j failed');
    }
  }
}

/**
 * Default of `hungRestartMs` (NEO4J_HUNG_RESTART_S=30): well above what a busy but working server
 * needs to answer `RETURN 1` (reads end at QUERY_TIMEOUT_MS, 10 s; a full GC of a few GiB of heap
 * takes seconds), yet short next to the restart itself (10 s and more), so a hang costs at most
 * about as much as a crash.
 */
export const DEFAULT_HUNG_RESTART_MS = 30_000;

/** How long a failed ping waits for news of the embedded JVM's exit before it judges by itself. */
const EXIT_GRACE_MS = 500;

/** Waits `ms`, or less when `signal` aborts; never rejects. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
