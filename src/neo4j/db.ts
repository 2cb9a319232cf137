import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError, QueryTooLargeError, ResultTooLargeError } from '../errors';
import { FairSemaphore, PermitWaitError } from '../limits/FairSemaphore';
import type { CypherRegistry } from './cypher';
import { pingNeo4j } from './driver';
import type { Query } from './query';
import { toPlain } from './toPlain';

/** Parameters of a query: plain values only (use `neo4j.int` via `intParam` for LIMIT/SKIP). */
export type Params = Record<string, unknown>;

/** What repositories see of a transaction: run a named query, get plain rows back. */
export interface Tx {
  run<Row>(query: Query<Row>, params?: Params): Promise<Row[]>;
  /**
   * Runs a statement given as text: schema files, tools that iterate over names, and statements
   * compiled from a query's selection; `name` is what listeners see (default `text`).
   */
  runText(cypher: string, params?: Params, name?: string): Promise<Record<string, unknown>[]>;
  /**
   * Runs a named query of many rows (a whole graph's links) and maps each row as it arrives, so that
   * the event loop is never held by converting them all at once; returns the mapped rows in order.
   */
  stream<Row, Out>(query: Query<Row>, params: Params, map: (row: Row) => Out): Promise<Out[]>;
}

/** Called once per statement sent to Neo4j (tests count round trips with it). */
export type QueryListener = (name: string) => void;

/** What loaders need of the database: reads and writes in transactions, and its name. */
export interface Database {
  readonly database: string;
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/** The bounds of one request: a deadline (epoch ms) and a budget of values it may load. */
export interface RequestBounds {
  readonly deadline: number;
  readonly requestTimeoutMs: number;
  readonly maxItems: number;
  /** Who asks: sessions are shared out per client (see DbOptions.sessions). */
  readonly client?: string;
  /** Ends the request's transactions (its deadline passed on the HTTP side, or it was given up). */
  readonly signal?: AbortSignal;
}

/** Says whether the database may be asked now; returns the error to fail with when it may not. */
export type AvailabilityGate = () => Error | null;

export interface DbOptions {
  /** Neo4j transaction timeout of every transaction, in ms (the server stops the query). */
  readonly txTimeoutMs?: number;
  /**
   * How requests share the driver's connection pool: at most `total` sessions at once (the pool's
   * size, so no request waits for the driver's acquisition timeout and fails while Neo4j is well),
   * at most `perClient` for one client and `perRequest` for one request. Without it, unbounded.
   */
  readonly sessions?: { readonly total: number; readonly perClient: number; readonly perRequest: number };
}

interface RunOptions {
  /** The transaction timeout of this use, instead of DbOptions.txTimeoutMs. */
  readonly txTimeoutMs?: number;
  readonly deadline?: number;
  readonly requestTimeoutMs?: number;
  readonly count?: (n: number) => void;
  readonly client?: string;
  readonly signal?: AbortSignal;
  /** The request's own share of sessions. */
  readonly requestSessions?: FairSemaphore;
}

/**
 * Owns sessions: reads go through `executeRead`, writes through `executeWrite` (so routing and
 * retries work on clusters), always naming the database, always closing the session. Every
 * transaction has a server-side timeout; a request's transactions also end at its deadline.
 */
export class Db implements Database {
  private readonly listeners = new Set<QueryListener>();
  /**
   * One bookmark manager for every session of this process: a read never sees an older state of the
   * database than one this process has seen before (on a cluster, a follower waits until it has
   * caught up). So the graph version a request reads first and the data it reads next come from the
   * same or a newer state, and the response cache never files old data under a new version.
   */
  private readonly bookmarks = neo4j.bookmarkManager();
  private gate: AvailabilityGate = () => null;
  private currentDriver: Driver;
  /** Rejecters of the transactions under way, so that an outage ends them at once (failInFlight). */
  private readonly inFlight = new Set<(e: Error) => void>();
  /** Sessions shared out between clients (see DbOptions.sessions). */
  readonly sessionGate: FairSemaphore | undefined;

  constructor(
    driver: Driver,
    readonly database: string,
    readonly cypher: CypherRegistry,
    private readonly options: DbOptions = {},
  ) {
    this.currentDriver = driver;
    const shares = options.sessions;
    this.sessionGate = shares ? new FairSemaphore(shares.total, shares.perClient) : undefined;
  }

  /** The driver in use (it changes when a restarted embedded Neo4j listens elsewhere). */
  get driver(): Driver {
    return this.currentDriver;
  }

  /** Points this Db at a new driver (after the embedded Neo4j came back on another port). */
  replaceDriver(driver: Driver): void {
    this.currentDriver = driver;
  }

  /** Installs the check made before every transaction (a supervisor that knows Neo4j is down). */
  setAvailabilityGate(gate: AvailabilityGate): void {
    this.gate = gate;
  }

  /**
   * Ends every transaction under way with `error` at once, instead of letting each wait for the
   * driver's retries (seconds): the supervisor calls it when it sees Neo4j go down.
   */
  failInFlight(error: Error): number {
    const n = this.inFlight.size;
    for (const reject of [...this.inFlight]) reject(error);
    this.inFlight.clear();
    return n;
  }

  /** Runs `work` in a read transaction (retried on transient errors: keep it free of side effects). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('READ', work, {});
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('WRITE', work, {});
  }

  /**
   * The database for work in the background that no request waits for to its end (the model of a
   * graph version, read once and shared): no request deadline, its own transaction timeout.
   */
  background(txTimeoutMs: number): Database {
    const opts: RunOptions = { txTimeoutMs };
    return {
      database: this.database,
      read: (work) => this.session('READ', work, opts),
      write: (work) => this.session('WRITE', work, opts),
    };
  }

  /**
   * The database as one request sees it: every transaction ends at the request's deadline, and the
   * values it loads count against the request's budget (RESULT_TOO_LARGE beyond it).
   */
  forRequest(bounds: RequestBounds): Database {
    let loaded = 0;
    const count = (n: number): void => {
      loaded += n;
      if (loaded > bounds.maxItems) throw new ResultTooLargeError(bounds.maxItems, loaded);
    };
    const perRequest = this.options.sessions?.perRequest;
    const opts: RunOptions = {
      deadline: bounds.deadline,
      requestTimeoutMs: bounds.requestTimeoutMs,
      count,
      client: bounds.client ?? 'local',
      signal: bounds.signal,
      requestSessions: perRequest ? new FairSemaphore(perRequest) : undefined,
    };
    return {
      database: this.database,
      read: (work) => this.session('READ', work, opts),
      write: (work) => this.session('WRITE', work, opts),
    };
  }

  /** Answers within `timeoutMs` when the database is reachable; rejects otherwise. */
  ping(timeoutMs = 2000): Promise<void> {
    return pingNeo4j(this.driver, this.database, timeoutMs);
  }

  /** Registers a listener for every statement sent; returns a function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, opts: RunOptions): Promise<T> {
    const unavailable = this.gate();
    if (unavailable) throw unavailable;
    const timeout = (): QueryTimeoutError => new QueryTimeoutError(opts.requestTimeoutMs ?? 0, 'request');
    if (opts.signal?.aborted) throw timeout();
    // A request's share of sessions first, then the client's share of the pool: what waits, waits
    // here (in turn with other clients), not in the driver's pool where a wait ends in an error.
    const releases: (() => void)[] = [];
    try {
      if (opts.requestSessions) releases.push(await opts.requestSessions.acquire('request', opts.deadline, opts.signal));
      if (this.sessionGate && opts.deadline !== undefined) releases.push(await this.sessionGate.acquire(opts.client ?? 'local', opts.deadline, opts.signal));
    } catch (e) {
      for (const r of releases) r();
      if (e instanceof PermitWaitError) throw timeout();
      throw e;
    }
    try {
      return await this.transaction(mode, work, opts);
    } finally {
      for (const r of releases) r();
    }
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, opts: RunOptions): Promise<T> {
    const unavailable = this.gate();
    if (unavailable) throw unavailable;
    const remaining = opts.deadline === undefined ? Infinity : opts.deadline - Date.now();
    if (remaining <= 0) throw new QueryTimeoutError(opts.requestTimeoutMs ?? 0, 'request');
    const txTimeoutMs = opts.txTimeoutMs ?? this.options.txTimeoutMs;
    const txTimeout = Math.max(1, Math.floor(Math.min(txTimeoutMs ?? Infinity, remaining)));
    const config = Number.isFinite(txTimeout) ? { timeout: txTimeout } : undefined;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const fn = (mtx: ManagedTransaction): Promise<T> => work(this.wrap(mtx, opts.count));
    const running = mode === 'READ' ? session.executeRead(fn, config) : session.executeWrite(fn, config);
    let timer: NodeJS.Timeout | undefined;
    let rejecter: ((e: Error) => void) | undefined;
    let onAbort: (() => void) | undefined;
    try {
      // The transaction timeout stops the query on the server; this also stops waiting for retries
      // or a connection once the request's deadline has passed, or at once when Neo4j went down.
      return await Promise.race([
        running,
        new Promise<never>((_, reject) => {
          rejecter = reject;
          this.inFlight.add(reject);
          if (Number.isFinite(remaining)) timer = setTimeout(() => reject(new QueryTimeoutError(opts.requestTimeoutMs ?? Math.round(remaining), 'request')), remaining);
          onAbort = () => reject(new QueryTimeoutError(opts.requestTimeoutMs ?? Math.round(remaining), 'request'));
          opts.signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } catch (e) {
      throw translateDriverError(e, txTimeoutMs);
    } finally {
      clearTimeout(timer);
      if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
      if (rejecter) this.inFlight.delete(rejecter);
      running.catch(() => undefined);
      void session.close().catch(() => undefined);
    }
  }

  private wrap(mtx: ManagedTransaction, count?: (n: number) => void): Tx {
    // A query over the memory limit fails the same way every time: turn it into a domain error here,
    // inside the transaction function, so the driver does not retry it as transient.
    const failed = (e: unknown): never => {
      if (isMemoryLimit(e)) throw new QueryTooLargeError();
      throw e;
    };
    const runText = async (cypher: string, params: Params = {}, name = 'text'): Promise<Record<string, unknown>[]> => {
      for (const l of this.listeners) l(name);
      let result;
      try {
        result = await mtx.run(cypher, params);
      } catch (e) {
        return failed(e);
      }
      if (count) count(countValues(result.records));
      return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    };
    const stream = async <Row, Out>(query: Query<Row>, params: Params, map: (row: Row) => Out): Promise<Out[]> => {
      for (const l of this.listeners) l(query.name);
      const out: Out[] = [];
      try {
        // The driver decodes records as their batches arrive and pauses the connection when too many
        // wait; each is converted here between batches, never all in one turn of the loop.
        for await (const record of mtx.run(this.cypher.get(query.name), params)) {
          if (count) count(countValues([record]));
          out.push(map(toPlain(record.toObject()) as Row));
        }
      } catch (e) {
        return failed(e);
      }
      return out;
    };
    return {
      run: async <Row>(query: Query<Row>, params: Params = {}): Promise<Row[]> =>
        (await runText(this.cypher.get(query.name), params, query.name)) as Row[],
      runText: (cypher, params, name) => runText(cypher, params, name),
      stream,
    };
  }
}

/** Rows plus the entries of the lists they hold (a row of links counts each link). */
function countValues(records: readonly Neo4jRecord[]): number {
  let n = 0;
  for (const r of records) {
    n += 1;
    r.forEach((v) => {
      if (Array.isArray(v)) n += v.length;
    });
  }
  return n;
}

/** Neo4j's errors for a transaction over its memory limit, or over the limit of all together. */
function isMemoryLimit(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return code === 'Neo.ClientError.General.TransactionOutOfMemoryError' || code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';
}

/** Integers that Cypher must see as INTEGER (LIMIT, SKIP, integer comparisons). */
export function intParam(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(n);
}

/** Turns driver errors into domain errors once, at the database boundary. */
export function translateDriverError(e: unknown, txTimeoutMs?: number): unknown {
  const code = (e as { code?: string } | null)?.code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError((e as Error).message.split('\n')[0] ?? 'constraint violated');
  }
  // The memory limits of one transaction and of all together (see runtimeConf in embedded.ts): the
  // database stopped the query before the JVM ran out of heap.
  if (isMemoryLimit(e)) return new QueryTooLargeError();
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new QueryTimeoutError(txTimeoutMs ?? 0, 'database query');
  }
  // A connection the server closed under a transaction (it was killed mid-answer): not retried by the
  // driver, but an outage all the same.
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'ProtocolError' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new DatabaseUnavailableError();
  }
  // No free connection in time (the pool is busy or the server went away while we waited).
  if (e instanceof Error && /Connection acquisition timed out/.test(e.message)) {
    return new DatabaseUnavailableError();
  }
  return e;
}
