import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { createApollo } from './apollo';
import type { Config } from './config';
import { ResponseCache } from './cache/ResponseCache';
import { responseCachePlugin } from './cache/responseCachePlugin';
import { createContext, type Context } from './context';
import { documentGuard } from './http/documentGuard';
import { healthRouter } from './http/health';
import { jsonErrorHandler, jsonNotFound } from './http/jsonErrors';
import type { Logger } from './logger';
import type { Db } from './neo4j/db';
import type { Neo4jHealth } from './neo4j/health';
import type { AboutRecord } from './system/records';
import { indexHtml } from './web/indexHtml';
import { loadWebAssets, type WebAssets } from './web/webAssets';
import { PAGE_CSP, wantsHtml, webRouter } from './web/webRouter';

export interface ServerDeps {
  readonly config: Pick<Config, 'env' | 'host' | 'port' | 'corsOrigins' | 'introspection' | 'limits'> & Partial<Pick<Config, 'responseCacheMb' | 'webUi'>> & { readonly neo4j: Pick<Config['neo4j'], 'mode'> };
  readonly db: Db;
  readonly log: Logger;
  readonly about: AboutRecord;
  /** The supervisor's view of Neo4j, for /healthz and /readyz (absent: judged by a ping alone). */
  readonly health?: Neo4jHealth;
  /** The browser bundles (default: dist-web/, read at start and again when rebuilt). */
  readonly webAssets?: WebAssets;
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

/** CORS: none unless origins are configured (browsers then allow only the same origin). */
function corsMiddleware(origins: readonly string[]): express.RequestHandler | undefined {
  if (origins.length === 0) return undefined;
  return cors({ origin: origins.includes('*') ? '*' : [...origins], methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });
}

/** Wires Express, Apollo and the routes. It does not connect anything itself. */
export function createServer({ config, db, log, about, health, webAssets }: ServerDeps): AppServer {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const httpServer = http.createServer(app);
  // Requests that Node's HTTP parser refuses (headers over 16 KB, unknown methods, broken framing)
  // get a JSON answer too, instead of an empty one.
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify(
      tooLarge
        ? { errors: [{ message: 'The request line or headers are larger than 16 KB; send the query in a POST body.', extensions: { code: 'HEADERS_TOO_LARGE' } }] }
        : { errors: [{ message: 'The HTTP request could not be read.', extensions: { code: 'BAD_REQUEST' } }] },
    );
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // Bound how long a slow client may take to send its request.
  httpServer.requestTimeout = 30_000;
  httpServer.headersTimeout = 20_000;
  // Answers are cached per process, keyed by query, variables and graph version (never stale).
  const cache = (config.responseCacheMb ?? 0) > 0 ? responseCachePlugin(db, new ResponseCache((config.responseCacheMb ?? 0) * 1024 * 1024)) : null;
  const apollo = createApollo({ config, log, about, plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(cache ? [cache] : [])] });

  // Security headers in every mode: a JSON API needs no scripts, frames or cross-origin reads.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
      strictTransportSecurity: false, // served over plain HTTP on loopback; a TLS proxy in front sets HSTS
    }),
  );
  app.use(healthRouter(db, health));
  const webUi = config.webUi ?? true;
  const assets = webUi ? (webAssets ?? loadWebAssets()) : null;
  if (assets?.problem) log.warn({ problem: assets.problem }, 'the playground and the explorer are not available');
  const index = { name: about.name, version: about.version, graphql: '/graphql', health: ['/healthz', '/readyz'], ...(webUi ? { playground: '/graphql', explorer: '/explore' } : {}) };
  app.get('/', (req, res) => {
    if (webUi && wantsHtml(req)) {
      res.set('content-security-policy', PAGE_CSP);
      res.set('vary', 'accept');
      res.type('html').send(indexHtml(about.version));
      return;
    }
    res.json(index);
  });
  if (assets) app.use(webRouter({ assets, version: about.version }));

  return {
    apollo,
    httpServer,
    async listen() {
      await apollo.start();
      const corsHandler = corsMiddleware(config.corsOrigins);
      app.use(
        '/graphql',
        ...(corsHandler ? [corsHandler] : []),
        express.json({ limit: config.limits.maxBodyBytes }),
        documentGuard(config.limits),
        expressMiddleware(apollo, {
          context: async ({ req }) => createContext({ db, log, mode: config.neo4j.mode, limits: config.limits }, requestIdOf(req.header('x-request-id'))),
        }),
      );
      app.use(jsonNotFound());
      app.use(jsonErrorHandler(log));
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

/** A client's request id when it is a plain token (it goes into logs), otherwise a new one. */
function requestIdOf(header: string | undefined): string | undefined {
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : undefined;
}
