import type { ApolloServer } from '@apollo/server';
import { createContext, type Context } from '../../src/context';
import { createResolvers } from '../../src/resolvers';
import { loadTypeDefs } from '../../src/schema';
import { ApolloServer as Apollo } from '@apollo/server';
import { createFormatError } from '../../src/errors';
import { readAbout } from '../../src/app';
import { openTestDb, silentLog, type TestDb } from './db';

/** The API on the test database, executed in-process through Apollo's executeOperation. */
export interface TestApi {
  readonly t: TestDb;
  /** Runs an operation; returns data and errors as a client sees them. */
  exec<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Cypher statements sent to Neo4j while `fn` ran, by query name. */
  countQueries(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const t = openTestDb();
  const apollo: ApolloServer<Context> = new Apollo<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers(readAbout()),
    formatError: createFormatError({ hideSuggestions: false }),
  });
  await apollo.start();
  return {
    t,
    async exec(query, variables) {
      const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext({ db: t.db, log: silentLog, mode: 'embedded' }) });
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
      await apollo.stop();
      await t.close();
    },
  };
}
