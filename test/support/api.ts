import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../../src/apollo';
import { readAbout } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createContext, type Context } from '../../src/context';
import { CpuPool } from '../../src/cpu/CpuPool';
import type { TraversalIndexMode } from '../../src/whatif/loaders';
import { executeReference, referenceSchema } from './graphReference';
import { openTestDb, silentLog, type TestDb } from './db';
import type { TestNeo4j } from './testEnv';

/** The API on the test database, executed in-process through Apollo's executeOperation. */
export interface TestApi {
  readonly t: TestDb;
  /**
   * Runs an operation; returns data and errors as a client sees them. With `reference`, on the
   * resolver-per-field reference (test/support/graphReference.ts) instead of the compiled engine.
   */
  exec<T = any>(query: string, variables?: Record<string, unknown>, options?: { reference?: boolean }): Promise<{ data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Cypher statements sent to Neo4j while `fn` ran, by query name. */
  countQueries(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Starts the API on the shared test graph, which no test file changes (test/support/ownNeo4j.ts),
 * or with `neo4j` on a file's own Neo4j.
 */
export async function startTestApi(options: { neo4j?: TestNeo4j; traversalIndex?: TraversalIndexMode } = {}): Promise<TestApi> {
  const t = openTestDb({ neo4j: options.neo4j });
  const indexMode = options.traversalIndex;
  // The same Apollo as the HTTP server, with the default limits: every test query must pass them.
  const config = loadConfig({ NODE_ENV: 'test' }, false);
  const about = readAbout();
  const apollo: ApolloServer<Context> = createApollo({ config, log: silentLog, about });
  let reference: ReturnType<typeof referenceSchema> | undefined;
  await apollo.start();
  // The CPU workers of the what-if engines, as the HTTP server has them.
  const cpu = new CpuPool({ size: 1, log: silentLog });
  return {
    t,
    async exec(query, variables, options) {
      const contextValue = createContext({ db: t.db, log: silentLog, mode: 'embedded', limits: config.limits, cpu, traversalIndex: indexMode });
      if (options?.reference) {
        reference ??= referenceSchema(about);
        return (await executeReference(reference, query, variables, contextValue)) as never;
      }
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
      } finally {
        await t.close();
      }
    },
  };
}
