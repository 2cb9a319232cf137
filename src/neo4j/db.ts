import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ConflictError, DatabaseUnavailableError } from '../errors';
import type { CypherRegistry } from './cypher';
import type { Query } from './query';
import { toPlain } from './toPlain';

/** Parameters of a query: plain values only (use `neo4j.int` via `intParam` for LIMIT/SKIP). */
export type Params = Record<string, unknown>;

/** What repositories see of a transaction: run a named query, get plain rows back. */
export interface Tx {
  run<Row>(query: Query<Row>, params?: Params): Promise<Row[]>;
  /** Runs a statement by its file name; for schema files and tools that iterate over names. */
  runText(cypher: string, params?: Params): Promise<Record<string, unknown>[]>;
}

/** Called once per statement sent to Neo4j (tests count round trips with it). */
export type QueryListener = (name: string) => void;

/**
 * Owns sessions: reads go through `executeRead`, writes through `executeWrite` (so routing and
 * retries work on clusters), always naming the database, always closing the session.
 */
export class Db {
  private readonly listeners = new Set<QueryListener>();

  constructor(
    readonly driver: Driver,
    readonly database: string,
    readonly cypher: CypherRegistry,
  ) {}

  /** Runs `work` in a read transaction (retried on transient errors: keep it free of side effects). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('READ', work);
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.session('WRITE', work);
  }

  /** Answers within `timeoutMs` when the database is reachable; rejects otherwise. */
  async ping(timeoutMs = 2000): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        session.run('RETURN 1', {}, { timeout: timeoutMs }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => undefined);
    }
  }

  /** Registers a listener for every statement sent; returns a function that removes it. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async session<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const fn = (mtx: ManagedTransaction): Promise<T> => work(this.wrap(mtx));
      return mode === 'READ' ? await session.executeRead(fn) : await session.executeWrite(fn);
    } catch (e) {
      throw translateDriverError(e);
    } finally {
      await session.close();
    }
  }

  private wrap(mtx: ManagedTransaction): Tx {
    const runText = async (cypher: string, params: Params = {}, name = 'text'): Promise<Record<string, unknown>[]> => {
      for (const l of this.listeners) l(name);
      const result = await mtx.run(cypher, params);
      return result.records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    };
    return {
      run: async <Row>(query: Query<Row>, params: Params = {}): Promise<Row[]> =>
        (await runText(this.cypher.get(query.name), params, query.name)) as Row[],
      runText: (cypher, params) => runText(cypher, params),
    };
  }
}

/** Integers that Cypher must see as INTEGER (LIMIT, SKIP, integer comparisons). */
export function intParam(n: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(n);
}

/** Turns driver errors into domain errors once, at the database boundary. */
export function translateDriverError(e: unknown): unknown {
  const code = (e as { code?: string } | null)?.code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError((e as Error).message.split('\n')[0] ?? 'constraint violated');
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new DatabaseUnavailableError();
  }
  return e;
}
