import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express from 'express';
import { createApollo } from './apollo';
import { actorOf } from './auth/actorOf';
import type { TokenVerifier } from './auth/TokenVerifier';
import { createCuration } from './curation/createCuration';
import { createOutbox, createParticipation } from './participation/createParticipation';
import { importOnly } from './http/importOnly';
import { auditRefusedMutationsPlugin } from './curation/auditPlugin';
import { FAIRNESS_DEFAULTS, HTTP_DEFAULTS, type Config } from './config';
import { CpuPool } from './cpu/CpuPool';
import { graphqlHandler } from './http/graphqlHandler';
import { securityHeaders } from './http/securityHeaders';
import { ClientBudgets } from './limits/ClientBudgets';
import { SEED_USE_EDGES } from './limits/cpuPrices';
import { ResponseCache } from './cache/ResponseCache';
import { cachedAnswers } from './cache/cachedAnswers';
import { responseCachePlugin } from './cache/responseCachePlugin';
import { graphVersion as readGraphVersion } from './system/graphVersion';
import { GraphVersionWatcher } from './system/GraphVersionWatcher';
import { createContext, type Context } from './context';
import { clientErrorHandler } from './http/clientErrorHandler';
import { installConnectionGuard } from './http/connectionGuard';
import { declaredBodyLimit } from './http/declaredBodyLimit';
import { documentGuard } from './http/documentGuard';
import { healthRouter } from './http/health';
import { startHealthPort, type HealthPort } from './http/healthBeacon';
import { jsonErrorHandler, jsonNotFound, notFoundBody } from './http/jsonErrors';
import { mountMetrics, type Gauge } from './http/metrics';
import type { Logger } from './logger';
import type { Db } from './neo4j/db';
import type { Neo4jHealth } from './neo4j/health';
import type { AboutRecord } from './system/records';
import { indexHtml } from './web/indexHtml';
import { loadWebAssets, type WebAssets } from './web/webAssets';
import { PAGE_CSP, wantsHtml, webRouter } from './web/webRouter';

export interface ServerDeps {
  readonly config: Pick<Config, 'env' | 'host' | 'port' | 'corsOrigins' | 'introspection' | 'limits'> & Partial<Pick<Config, 'responseCacheMb' | 'graphVersionMaxAgeMs' | 'webUi' | 'metrics' | 'http' | 'fairness' | 'healthPort' | 'auth' | 'participation'>> & { readonly neo4j: Pick<Config['neo4j'], 'mode'> };
  readonly db: Db;
  readonly log: Logger;
  readonly about: AboutRecord;
  /** The supervisor's view of Neo4j, for /healthz and /readyz (absent: judged by a ping alone). */
  readonly health?: Neo4jHealth;
  /** The browser bundles (default: dist-web/, read at start and again when rebuilt). */
  readonly webAssets?: WebAssets;
  /** Checks bearer tokens (sign-in configured: OIDC_ISSUER); absent: every request is anonymous and the API read-only. */
  readonly verifier?: TokenVerifier;
  /** The clock "today" is read from (default the system clock); tests move it. */
  readonly clock?: () => Date;
}

/** The HTTP server with GraphQL at /graphql and the health routes; created, not yet listening. */
export interface AppServer {
  readonly apollo: ApolloServer<Context>;
  readonly httpServer: http.Server;
  /** The worker threads of the in-memory engines. */
  readonly cpu: CpuPool;
  /** The per-client shares (requests in flight, cost per minute). */
  readonly budgets: ClientBudgets;
  /** The graph version as this process knows it (every request's `graphVersion`). */
  readonly graphVersion: GraphVersionWatcher;
  /** The origin of the health thread's port (HEALTH_PORT), once listening; undefined without it. */
  readonly healthUrl: string | undefined;
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
export function createServer({ config, db, log, about, health, webAssets, verifier, clock }: ServerDeps): AppServer {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const fairness = { ...FAIRNESS_DEFAULTS, ...config.fairness };
  // The client a request counts against: the connection's address, or the one a trusted proxy names.
  app.set('trust proxy', fairness.trustProxy);
  const cpu = new CpuPool({ size: fairness.cpuWorkers, log });
  const budgets = new ClientBudgets({ maxConcurrent: fairness.clientMaxConcurrent, costPerMinute: fairness.clientCostPerMinute });
  // Slow or idle connections are closed and their descriptors freed: headers and whole-request
  // timeouts (checked every second), a cap on open connections, and a clientError answer that
  // destroys the socket. Values and reasons: "Limits and safety" in the README.
  const httpConfig = { ...HTTP_DEFAULTS, ...config.http };
  const errors = jsonErrorHandler(log);
  const httpServer = http.createServer(
    { headersTimeout: httpConfig.headersTimeoutMs, requestTimeout: httpConfig.requestTimeoutMs, keepAliveTimeout: httpConfig.keepAliveTimeoutMs, connectionsCheckingInterval: 1000 },
    // What Express's router hands back (a request target it cannot parse, such as `//graphql?@#`,
    // skips every middleware) gets a JSON answer too, not Express's HTML page.
    (req, res) => app(req as express.Request, res as express.Response, (err?: unknown) => (err ? errors(err, req as express.Request, res as express.Response, () => res.destroy()) : unroutable(req, res))),
  );
  // Requests that Node's HTTP parser refuses (headers over 16 KB, unknown methods, broken framing)
  // or that arrive too slowly get a JSON answer too, instead of an empty one.
  httpServer.on('clientError', clientErrorHandler());
  installConnectionGuard(httpServer, httpConfig, log);
  // Answers are cached per process, keyed by query, variables and graph version. The version is
  // read at most every GRAPH_VERSION_MAX_AGE_MS (not once per request) and learnt at once from this
  // process's own writes (src/cache/watchOwnWrites.ts, in createContext).
  // The write side exists only with sign-in; it checks proposals by the model and the seeds' deny-list.
  // Inclusion and exception requests and reports build on it; state changes go to the webhooks.
  const outbox = verifier ? createOutbox(config.participation, db, log) : undefined;
  const curation = verifier ? createCuration(config.auth, log, outbox) : undefined;
  const participation = curation ? createParticipation(config.participation, curation, outbox) : undefined;
  const graphVersion = new GraphVersionWatcher(() => db.read(readGraphVersion), { maxAgeMs: config.graphVersionMaxAgeMs ?? 250, keepFreshMs: 10_000 });
  const responseCache = (config.responseCacheMb ?? 0) > 0 ? new ResponseCache((config.responseCacheMb ?? 0) * 1024 * 1024) : null;
  const cache = responseCache ? responseCachePlugin(responseCache) : null;
  // Repeated reads are answered before Apollo when reads need no sign-in (src/cache/cachedAnswers.ts).
  const cached = responseCache && (config.auth?.readAccess ?? 'public') === 'public' ? cachedAnswers({ cache: responseCache, version: () => graphVersion.current(), now: clock ?? (() => new Date()) }) : undefined;
  const apollo = createApollo({ config, log, about, oidc: verifier?.oidc ?? null, work: { useEdges: () => cpu.useEdges(SEED_USE_EDGES) }, plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(verifier ? [auditRefusedMutationsPlugin(db)] : []), ...(cache ? [cache] : [])] });

  // Security headers in every mode: a JSON API needs no scripts, frames or cross-origin reads.
  app.use(
    securityHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
      strictTransportSecurity: false, // served over plain HTTP on loopback; a TLS proxy in front sets HSTS
    }),
  );
  const metrics = mountMetrics(app, config.metrics ?? true, () => fairShareGauges(cpu, budgets, db));
  // GraphQL over POST, the bulk of the traffic, is routed first (its middlewares are added by
  // listen()): it does not walk the health, page and asset routes, which never answer it.
  const graphqlPost = express.Router();
  app.post('/graphql', graphqlPost);
  app.use(healthRouter(db, health));
  const webUi = config.webUi ?? true;
  const assets = webUi ? (webAssets ?? loadWebAssets()) : null;
  if (assets?.problem) log.warn({ problem: assets.problem }, 'the playground and the explorer are not available');
  const index = { name: about.name, version: about.version, graphql: '/graphql', health: ['/healthz', '/readyz'], ...(webUi ? { playground: '/graphql', explorer: '/explore', contribute: '/contribute' } : {}) };
  app.get('/', (req, res) => {
    if (webUi && wantsHtml(req)) {
      res.set('content-security-policy', PAGE_CSP);
      res.set('vary', 'accept');
      res.type('html').send(indexHtml(about.version));
      return;
    }
    res.json(index);
  });
  const signIn = verifier ? { issuer: verifier.oidc.issuer, clientId: verifier.oidc.webClientId ?? 'dstack-graph-web' } : null;
  if (assets) app.use(webRouter({ assets, version: about.version, signIn }));

  let healthPort: HealthPort | undefined;
  return {
    apollo,
    httpServer,
    cpu,
    budgets,
    graphVersion,
    get healthUrl() {
      return healthPort?.url;
    },
    async listen() {
      await apollo.start();
      const corsHandler = corsMiddleware(config.corsOrigins);
      const options = {
        requestTimeoutMs: config.limits.requestTimeoutMs,
        budgets,
        context: async (req: express.Request, bounds: { client: string; deadline: number; signal: AbortSignal }) => {
          const requestId = requestIdOf(req.header('x-request-id')) ?? randomUUID();
          const actor = await actorOf(req.header('authorization'), verifier, requestId);
          return createContext({ db, log, mode: config.neo4j.mode, limits: config.limits, cpu, budgets, actor, curation, participation, clock, graphVersion, ...bounds }, requestId);
        },
      };
      // Queries may be answered from the cache before Apollo; the import endpoint takes only a
      // mutation, whose large body is not worth hashing for a lookup that always misses.
      const handler = graphqlHandler(apollo, { ...options, cached });
      const importHandler = graphqlHandler(apollo, options);
      // CSV imports are larger than any query: their own endpoint, for importReports only.
      const importBytes = config.participation?.importMaxBytes ?? 10_000_000;
      app.use('/graphql/import', ...(corsHandler ? [corsHandler] : []), declaredBodyLimit(importBytes), express.json({ limit: importBytes }), importOnly(), documentGuard(config.limits), importHandler);
      const graphql = [...(corsHandler ? [corsHandler] : []), declaredBodyLimit(config.limits.maxBodyBytes), express.json({ limit: config.limits.maxBodyBytes }), documentGuard(config.limits), handler];
      graphqlPost.use(...graphql);
      app.use('/graphql', ...graphql);
      app.use(jsonNotFound());
      app.use(jsonErrorHandler(log));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve());
      });
      const { port } = httpServer.address() as AddressInfo;
      outbox?.start();
      if (config.healthPort) healthPort = await startHealthPort({ host: config.host, port: config.healthPort.port, stallMs: config.healthPort.stallMs, health, log });
      return `http://${config.host}:${port}/graphql`;
    },
    async stop() {
      metrics.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      graphVersion.close();
      await outbox?.stop();
      await cpu.stop();
      await healthPort?.stop();
    },
  };
}

/** What the fair shares are doing, for /metrics: CPU workers, refusals per share, Neo4j sessions. */
function fairShareGauges(cpu: CpuPool, budgets: ClientBudgets, db: Db): Gauge[] {
  const c = cpu.stats();
  const b = budgets.stats();
  const sessions = db.sessionGate?.stats();
  return [
    { name: 'dsg_cpu_jobs_queued', help: 'What-if, severity and risk jobs waiting for a CPU worker.', type: 'gauge', value: c.queued },
    { name: 'dsg_cpu_workers_busy', help: 'CPU workers running a job.', type: 'gauge', value: c.busy },
    { name: 'dsg_cpu_jobs_done_total', help: 'CPU jobs finished.', type: 'counter', value: c.done },
    { name: 'dsg_cpu_jobs_stopped_total', help: 'CPU jobs stopped while running because their request ended (deadline).', type: 'counter', value: c.cancelled },
    { name: 'dsg_cpu_workers_replaced_total', help: 'CPU workers replaced (crashed, or did not stop a job in time).', type: 'counter', value: c.restarted },
    { name: 'dsg_rate_limited_concurrency_total', help: 'Requests refused because their client had too many in flight.', type: 'counter', value: b.refusedConcurrency },
    { name: 'dsg_rate_limited_cost_total', help: 'Operations refused because their client had spent its cost budget.', type: 'counter', value: b.refusedCost },
    ...(sessions
      ? [
          { name: 'dsg_neo4j_sessions_in_use', help: 'Neo4j sessions held by requests.', type: 'gauge' as const, value: sessions.inUse },
          { name: 'dsg_neo4j_sessions_waiting', help: 'Requests waiting for a Neo4j session (their client is over its share, or the pool is full).', type: 'gauge' as const, value: sessions.waiting },
        ]
      : []),
  ];
}

/** A client's request id when it is a plain token (it goes into logs), otherwise a new one. */
function requestIdOf(header: string | undefined): string | undefined {
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : undefined;
}

/** A JSON 404 for a request the router could not route at all (its target has no path it can read). */
function unroutable(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(notFoundBody(String(req.url ?? '')));
  res.statusCode = 404;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
