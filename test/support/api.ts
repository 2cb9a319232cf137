import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../../src/apollo';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createContext, type Context } from '../../src/context';
import { CpuPool } from '../../src/cpu/CpuPool';
import { openTestDb, silentLog, type TestDb } from './db';
import { lockSharedGraph } from './graphLock';

/** The API on the test database, executed in-process through Apollo's executeOperation. */
export interface TestApi {
  readonly t: TestDb;
  /** Runs an operation; returns data and errors as a client sees them. */
  exec<T = any>(query: string, variables?: Record<string, unknown>, options?: { lookahead?: boolean }): Promise<{ data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Cypher statements sent to Neo4j while `fn` ran, by query name. */
  countQueries(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Starts the API on the test database. With `lockGraph`, holds the shared-graph lock
 * (test/support/graphLock.ts) until `close()`: for test files that add temporary nodes to the seeded
 * graph or that count the whole graph.
 */
export async function startTestApi(options: { lockGraph?: boolean } = {}): Promise<TestApi> {
  const release = options.lockGraph ? await lockSharedGraph() : () => undefined;
  const t = openTestDb();
  // The same Apollo as the HTTP server, with the default limits: every test query must pass them.
  const config = loadConfig({ NODE_ENV: 'test' }, false);
  const apollo: ApolloServer<Context> = createApollo({ config, log: silentLog, about: readAbout() });
  await apollo.start();
  // The CPU workers of the what-if engines, as the HTTP server has them.
  const cpu = new CpuPool({ size: 1, log: silentLog });
  return {
    t,
    async exec(query, variables, options) {
      const contextValue = createContext({ db: t.db, log: silentLog, mode: 'embedded', limits: config.limits, lookahead: options?.lookahead, cpu });
      const res = await apollo.executeOperation({ query, variables }, { contextValue });
      if (res.body.kind !== 'single') throw new Error('incremental delivery is not expected');
      return res.body.singleResult as never;
    },
    async countQueries(fn) {
      const seen: string[] = [];
      const off = t.db.onQuery((name) => seen.push(name));
      try {
        await fn();
      } finally {
        off();
      }
      return seen;
    },
    async close() {
      try {
        await apollo.stop();
        await cpu.stop();
        await t.close();
      } finally {
        release();
      }
    },
  };
}
