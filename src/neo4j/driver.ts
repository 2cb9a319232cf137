import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger';
import { batchBoltWrites } from './batchBoltWrites';

export type { Driver };

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly log: Logger;
  /** How long transaction functions retry transient errors (a dead server included). */
  readonly maxRetryMs?: number;
  /** Connections in the pool (NEO4J_POOL_SIZE; the driver's default is 100). */
  readonly maxPoolSize?: number;
}

/**
 * One driver per process; integers arrive as JS numbers (our counts stay far below 2^53). The
 * timeouts are short on purpose: a request to a dead server fails within seconds instead of
 * hanging (the supervisor's gate makes most fail at once; requests also have their own deadline).
 */
export function createDriver({ uri, user, password, log, maxRetryMs = 2_000, maxPoolSize = 100 }: DriverOptions): Driver {
  // Each batch of Bolt messages in one socket write (see batchBoltWrites.ts); a driver it does not
  // know keeps its own writes, and the log says so.
  const batched = batchBoltWrites();
  if (batched.startsWith('not installed')) log.warn({ reason: batched }, 'Bolt writes are not batched: the driver is not the version this was written for');
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    maxConnectionPoolSize: maxPoolSize,
    disableLosslessIntegers: true,
    userAgent: 'dstack-graph',
    // Opening a TCP/Bolt connection; a live server on a loopback or LAN answers in milliseconds.
    connectionTimeout: 5_000,
    // Waiting for a free connection of the pool (includes opening one).
    connectionAcquisitionTimeout: 10_000,
    // The driver retries after about 1 s, 2 s, 4 s while less than this has passed: 2 s means a
    // request in flight when the server died gives up after about 3 s (3 s would allow 7 s).
    maxTransactionRetryTime: maxRetryMs,
    logging: {
      level: 'warn',
      logger: (level, message) => log[level === 'error' ? 'error' : 'warn']({ neo4jDriver: true }, message),
    },
  });
}

/**
 * Waits until the server answers, retrying with a deadline; throws with the last driver error.
 * Authentication failures stop at once: waiting longer cannot fix a wrong password.
 */
export async function waitForNeo4j(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let delay = 100; Date.now() < deadline; delay = Math.min(delay * 2, 2000)) {
    try {
      await driver.executeQuery('RETURN 1 AS ok', {}, { database, routing: neo4j.routing.READ });
      return;
    } catch (e) {
      last = e;
      const code = (e as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security.')) {
        throw new Error(`Neo4j refused the credentials (${code}): check NEO4J_USER and NEO4J_PASSWORD`);
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
  throw new Error(`Neo4j did not answer within ${timeoutMs} ms: ${(last as Error | undefined)?.message ?? 'no answer'}`);
}

/** A ping that got no answer in time: the server may be busy rather than gone. */
export class NoAnswerError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'NoAnswerError';
  }
}

/**
 * Runs `RETURN 1` on `driver`; rejects with NoAnswerError after `timeoutMs` (or when the server's
 * transaction timeout stops it), with the driver's error when the server cannot be reached.
 */
export async function pingNeo4j(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      session.run('RETURN 1', {}, { timeout: timeoutMs }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new NoAnswerError(timeoutMs)), timeoutMs);
      }),
    ]);
  } catch (e) {
    if (((e as { code?: string }).code ?? '').startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) throw new NoAnswerError(timeoutMs);
    throw e;
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}
