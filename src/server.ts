import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { createFormatError } from './errors';
import { healthRouter } from './http/health';
import { requestLoggerPlugin } from './http/requestLogger';
import type { Logger } from './logger';
import type { Db } from './neo4j/db';
import type { Neo4jHealth } from './neo4j/health';
import { createResolvers } from './resolvers';
import { loadTypeDefs } from './schema';
import type { AboutRecord } from './system/records';

export interface ServerDeps {
  readonly config: Pick<Config, 'env' | 'host' | 'port'> & { readonly neo4j: Pick<Config['neo4j'], 'mode'> };
  readonly db: Db;
  readonly log: Logger;
  readonly about: AboutRecord;
  /** The supervisor's view of Neo4j, for /healthz and /readyz (absent: judged by a ping alone). */
  readonly health?: Neo4jHealth;
}

/** The HTTP server with GraphQL at /graphql and the health routes; created, not yet listening. */
export interface AppServer {
  readonly apollo: ApolloServer<Context>;
  readonly httpServer: http.Server;
  /** Starts Apollo and listens; resolves with the GraphQL URL. */
  listen(): Promise<string>;
  /** Stops accepting requests, drains those under way, stops Apollo. */
  stop(): Promise<void>;
}

/** Wires Express, Apollo and the routes. It does not connect anything itself. */
export function createServer({ config, db, log, about, health }: ServerDeps): AppServer {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: createResolvers(about),
    formatError: createFormatError({
      hideSuggestions: config.env === 'production',
      onMasked: (error) => log.error({ err: error }, 'unexpected error in a GraphQL operation (masked for the client)'),
    }),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), requestLoggerPlugin()],
  });

  app.use(healthRouter(db, health));
  app.get('/', (_req, res) => {
    res.json({ name: about.name, version: about.version, graphql: '/graphql', health: ['/healthz', '/readyz'] });
  });

  return {
    apollo,
    httpServer,
    async listen() {
      await apollo.start();
      app.use(
        '/graphql',
        cors(),
        express.json({ limit: '1mb' }),
        expressMiddleware(apollo, {
          context: async ({ req }) => createContext({ db, log, mode: config.neo4j.mode }, req.header('x-request-id') ?? undefined),
        }),
      );
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const { port } = httpServer.address() as AddressInfo;
      return `http://${config.host}:${port}/graphql`;
    },
    async stop() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
