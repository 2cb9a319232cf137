import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths';

/** How the process reaches Neo4j: a server it starts itself, or one named by NEO4J_URI. */
export type Neo4jMode = 'embedded' | 'external';

/** Settings of the embedded Neo4j that the project starts when NEO4J_URI is unset. */
export interface EmbeddedNeo4jConfig {
  readonly boltPort: number;
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCacheMb: number;
  readonly startTimeoutMs: number;
  readonly javaHome: string | undefined;
  /** How often the embedded Neo4j is started again after it died (within RESTART_WINDOW_MS). */
  readonly maxRestarts: number;
  /** How long the embedded Neo4j may leave the watchdog unanswered before it is killed and restarted, in ms (0 = never). */
  readonly hungRestartMs: number;
}

/** What a single GraphQL request may ask for and use; every value is checked before or while it runs. */
export interface LimitsConfig {
  /** Bytes of the GraphQL document (the `query` text). */
  readonly maxDocumentBytes: number;
  /** Bytes of an HTTP request body (document and variables). */
  readonly maxBodyBytes: number;
  /** Lexical tokens of the document. */
  readonly maxTokens: number;
  /** Nesting of fields (introspection's `__schema` not counted; it is priced by the cost model). */
  readonly maxDepth: number;
  /** Aliased fields in one operation. */
  readonly maxAliases: number;
  /** Directives in one operation. */
  readonly maxDirectives: number;
  /** Points of the cost model (lists multiply by `first`, traversals by their depth). */
  readonly maxCost: number;
  /** Size the cost model assumes for a list without `first` (impact hits, paths, ...). */
  readonly assumedListSize: number;
  /** Neo4j transaction timeout of every read, in ms. */
  readonly queryTimeoutMs: number;
  /** Deadline of a whole GraphQL request, in ms. */
  readonly requestTimeoutMs: number;
  /**
   * Neo4j transaction timeout of the background read of a graph version's model (the use graph the
   * traversal index and the what-if are built from), in ms: it reads every link, which takes longer
   * than one query may at the size of Germany.
   */
  readonly modelReadTimeoutMs?: number;
  /** Most values (nodes, links, rows) one request may load from Neo4j. */
  readonly maxResultItems: number;
}

/**
 * How the HTTP server guards its connections (see "Limits and safety" in the README): caps on open
 * connections, and timeouts after which a slow connection is closed and its descriptor freed.
 */
export interface HttpConfig {
  /** Open connections in total; at the cap the one idle the longest is closed, or the newcomer if none is idle. */
  readonly maxConnections: number;
  /** Open connections from one remote address (0: no limit); a newcomer over it is closed at once. */
  readonly maxConnectionsPerAddress: number;
  /** Time to receive a request's headers, in ms (408, then the socket is closed). */
  readonly headersTimeoutMs: number;
  /** Time to receive a whole request, headers and body, in ms (408, then the socket is closed). */
  readonly requestTimeoutMs: number;
  /** How long a keep-alive connection may wait for its next request, in ms. */
  readonly keepAliveTimeoutMs: number;
}

/** The HTTP connection settings when none are given (the defaults of the HTTP_* keys). */
export const HTTP_DEFAULTS: HttpConfig = Object.freeze({ maxConnections: 10_000, maxConnectionsPerAddress: 1_000, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });

/** How the server shares itself between clients (see README "Fair shares"). */
export interface FairnessConfig {
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (Express's `trust proxy`):
   * false, `loopback`, `uniquelocal`, a list of addresses or CIDRs, or a hop count.
   */
  readonly trustProxy: false | string | number;
  /** Requests one client may have in flight (0: no limit). */
  readonly clientMaxConcurrent: number;
  /** Cost points one client may spend per minute (0: no limit). */
  readonly clientCostPerMinute: number;
  /** Share of the Neo4j connection pool one client may hold, in percent. */
  readonly clientPoolSharePercent: number;
  /** Neo4j sessions one request may hold at once. */
  readonly sessionsPerRequest: number;
  /** Size of the driver's connection pool (the sessions of all requests together). */
  readonly poolSize: number;
  /** Worker threads for the in-memory engines (what-if, severity, risks). */
  readonly cpuWorkers: number;
}

/** The fair-share settings when none are given (the defaults of their keys; CPU_WORKERS auto). */
export const FAIRNESS_DEFAULTS: FairnessConfig = Object.freeze({
  trustProxy: false,
  clientMaxConcurrent: 8,
  clientCostPerMinute: 2_000_000,
  clientPoolSharePercent: 25,
  sessionsPerRequest: 4,
  poolSize: 100,
  cpuWorkers: autoCpuWorkers(os.availableParallelism()),
});

/** The sessions of the driver's pool as the Db shares them out (see DbOptions.sessions). */
export function sessionShares(f: Pick<FairnessConfig, 'poolSize' | 'clientPoolSharePercent' | 'sessionsPerRequest'>): { total: number; perClient: number; perRequest: number } {
  return { total: f.poolSize, perClient: Math.max(1, Math.floor((f.poolSize * f.clientPoolSharePercent) / 100)), perRequest: f.sessionsPerRequest };
}

/** Asymmetric JWS algorithms a token may be signed with; `none` and HS* (shared secrets) are never accepted. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;

/** How bearer tokens of the OpenID Connect issuer are checked and read (see src/auth/). */
export interface OidcConfig {
  /** The `iss` every token must carry, exactly. */
  readonly issuer: string;
  /** The `aud` every token must carry (one of its values). */
  readonly audience: string;
  /** Where the issuer's signing keys are; undefined: read from the issuer's discovery document at start. */
  readonly jwksUri: string | undefined;
  /** Dotted path of the claim with the roles (`realm_access.roles`). */
  readonly rolesClaim: string;
  /** Claim with the caller's organizations: a graph id or a list of them. */
  readonly organizationClaim: string;
  /** Claim with the caller's display name (falls back to `sub`). */
  readonly nameClaim: string;
  readonly algorithms: readonly string[];
  /** Seconds by which `exp` and `nbf` may be off. */
  readonly clockSkewS: number;
  /** Least seconds between two fetches of the key set caused by an unknown key id. */
  readonly jwksCooldownS: number;
  /** The public client the /contribute page signs in with (authorization code with PKCE). */
  readonly webClientId?: string;
}

/** Who may read and write, and how much one writer may do. */
export interface AuthConfig {
  /** null: no sign-in, the API is read-only. */
  readonly oidc: OidcConfig | null;
  readonly readAccess: 'public' | 'authenticated';
  /** Writes one user may make per minute (0: no limit). */
  readonly writeRatePerMinute: number;
  /** Most operations in one change set. */
  readonly proposalMaxOperations: number;
}

/** Inclusion requests, exceptions and reports (src/participation/), and the webhooks that follow them. */
export interface ParticipationConfig {
  /** false: an organisation's reports about itself apply at once (evidence reported); true: they go to review. */
  readonly reportsNeedReview: boolean;
  /** Most data rows of one imported CSV file. */
  readonly importMaxRows: number;
  /** The body limit of POST /graphql/import (importReports only). */
  readonly importMaxBytes: number;
  readonly webhooks: {
    /** Where state changes are posted (empty: none). */
    readonly urls: readonly string[];
    /** The HMAC-SHA256 key of the X-Dstack-Signature header; null only when there are no URLs. */
    readonly secret: string | null;
    /** The first retry's delay; each next one doubles it, up to an hour. */
    readonly retryBaseMs: number;
    /** Attempts before a delivery is given up as failed. */
    readonly maxAttempts: number;
  };
}

/** The validated, frozen configuration of one process. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly logFormat: 'json' | 'pretty';
  /** When the start command loads the seed data: into an empty database, every time, or never. */
  readonly seedOnStart: 'auto' | 'always' | 'never';
  /** Origins that browsers may call the API from (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
  /** Whether the schema answers introspection queries. */
  readonly introspection: boolean;
  /** Whether the browser pages are served: the playground at /graphql and the explorer at /explore. */
  readonly webUi: boolean;
  /**
   * A port of its own for /healthz and /readyz, answered by a thread of its own (null: only on the
   * API's port), and how long the event loop may stay silent before /healthz there says `stalled`.
   */
  readonly healthPort: { readonly port: number; readonly stallMs: number } | null;
  /** Whether `GET /metrics` answers (event-loop delay, memory, requests in flight; Prometheus text format). */
  readonly metrics: boolean;
  /** Size of the response cache in MiB (0: off). */
  readonly responseCacheMb: number;
  /**
   * How old the graph version a request is answered under may be, in ms, before it is read again
   * (0: read for every request). Bounds the staleness of answers after other processes' writes only:
   * this process's own writes are seen at once.
   */
  readonly graphVersionMaxAgeMs: number;
  readonly limits: LimitsConfig;
  readonly http: HttpConfig;
  readonly fairness: FairnessConfig;
  readonly auth: AuthConfig;
  readonly participation: ParticipationConfig;
  readonly neo4j: {
    readonly mode: Neo4jMode;
    /** The URI the driver connects to; for the embedded server it is known only once it runs. */
    readonly uri: string | undefined;
    readonly user: string;
    /**
     * The password; undefined for the embedded Neo4j when NEO4J_PASSWORD is unset, in which case a
     * random one is made on the first start and kept in the data folder (see `resolvePassword`).
     */
    readonly password: string | undefined;
    readonly database: string;
    readonly embedded: EmbeddedNeo4jConfig;
  };
}

/** One documented configuration key: the README's table is generated from the same words. */
export interface ConfigKey {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

/** Every environment variable the process reads, with its default. */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { name: 'PORT', default: '4000', description: 'HTTP port of the API (`/graphql`, `/healthz`, `/readyz`); 0 picks a free one' },
  { name: 'HOST', default: '127.0.0.1', description: 'address the HTTP server binds to' },
  { name: 'NODE_ENV', default: 'development', description: '`development`, `production` or `test`; production hides error details' },
  { name: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'LOG_FORMAT', default: 'pretty on a terminal, else json', description: '`json` or `pretty`' },
  { name: 'HEALTH_PORT', default: '(unset: only on PORT)', description: 'a port of its own for `/healthz` and `/readyz`, answered by a thread of its own: they answer in milliseconds however busy the API is, and `/healthz` turns 503 `stalled` when the event loop has not run for `HEALTH_STALL_MS`; point Kubernetes probes here (0 picks a free one)' },
  { name: 'HEALTH_STALL_MS', default: '10000', description: 'how long the event loop may stay silent before `/healthz` on `HEALTH_PORT` answers 503 `stalled`' },
  { name: 'CORS_ORIGINS', default: '(unset: same origin only)', description: 'comma-separated origins (e.g. `https://portal.example.de`) whose web pages may call the API; `*` allows any' },
  { name: 'WEB_UI', default: 'on', description: '`on` or `off`: whether browsers get the GraphiQL playground at `/graphql` and the graph explorer at `/explore` (both served from this server, no other host)' },
  { name: 'METRICS', default: 'on', description: '`on` or `off`: whether `GET /metrics` answers in the Prometheus text format (event-loop delay histogram, memory, HTTP requests in flight; see "Metrics")' },
  { name: 'INTROSPECTION', default: 'on', description: '`on` or `off`: whether clients may read the schema through introspection (the schema describes public data and GraphQL clients need it, so it is on in every mode unless turned off)' },
  { name: 'QUERY_MAX_BYTES', default: '20000', description: 'largest GraphQL document in bytes (`DOCUMENT_TOO_LARGE`)' },
  { name: 'BODY_MAX_BYTES', default: '100000', description: 'largest HTTP request body in bytes (413, `PAYLOAD_TOO_LARGE`)' },
  { name: 'HTTP_MAX_CONNECTIONS', default: '10000', description: 'most open HTTP connections; at the cap the one idle the longest is closed for a newcomer, and a newcomer is refused only when every connection has a request in flight (see "Limits and safety"); keep it at least 1000 below the open-file limit (`ulimit -n`)' },
  { name: 'HTTP_MAX_CONNECTIONS_PER_ADDRESS', default: '1000', description: 'most open HTTP connections from one client address, more are closed at once; `0` turns it off. Behind a reverse proxy every client has the proxy\'s address: raise it or turn it off there' },
  { name: 'HTTP_HEADERS_TIMEOUT_MS', default: '10000', description: 'time to receive a request\'s headers; then 408 and the connection is closed' },
  { name: 'HTTP_REQUEST_TIMEOUT_MS', default: '30000', description: 'time to receive a whole request (headers and body; not its execution, which `REQUEST_TIMEOUT_MS` bounds); then 408 and the connection is closed' },
  { name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS', default: '5000', description: 'how long an idle keep-alive connection stays open; behind a load balancer make it longer than the balancer\'s idle timeout' },
  { name: 'QUERY_MAX_TOKENS', default: '2000', description: 'most lexical tokens in a document (`TOKEN_LIMIT_EXCEEDED`)' },
  { name: 'QUERY_MAX_DEPTH', default: '12', description: 'deepest field nesting (`DEPTH_LIMIT_EXCEEDED`)' },
  { name: 'QUERY_MAX_ALIASES', default: '30', description: 'most aliases in an operation (`ALIAS_LIMIT_EXCEEDED`)' },
  { name: 'QUERY_MAX_DIRECTIVES', default: '20', description: 'most directives in an operation (`DIRECTIVE_LIMIT_EXCEEDED`)' },
  { name: 'QUERY_MAX_COST', default: '200000', description: 'cost budget of an operation (`COST_LIMIT_EXCEEDED`); see "Limits" below' },
  { name: 'QUERY_LIST_SIZE', default: '100', description: 'size the cost model assumes for a list without `first`' },
  { name: 'QUERY_TIMEOUT_MS', default: '10000', description: 'Neo4j transaction timeout of every read (`QUERY_TIMEOUT`)' },
  { name: 'MODEL_READ_TIMEOUT_MS', default: '300000', description: 'Neo4j transaction timeout of the background read of every link, once per graph version, that the traversal index and the what-if are built from (requests meanwhile are answered by Neo4j)' },
  { name: 'REQUEST_TIMEOUT_MS', default: '20000', description: 'deadline of one GraphQL request (`QUERY_TIMEOUT`)' },
  { name: 'RESULT_MAX_ITEMS', default: '100000', description: 'most values one request may load from Neo4j (`RESULT_TOO_LARGE`)' },
  { name: 'TRUST_PROXY', default: 'off', description: 'whose `X-Forwarded-For` names the client: `off` (the connection\'s address is the client), `loopback`, `uniquelocal`, addresses or CIDRs (comma-separated), or a number of proxy hops; set it behind a reverse proxy, or every client shares the proxy\'s address and its fair share' },
  { name: 'CLIENT_MAX_CONCURRENT', default: '8', description: 'requests one client (address) may have in flight; more get HTTP 429 `RATE_LIMITED` with `Retry-After` (0: no limit)' },
  { name: 'CLIENT_COST_PER_MINUTE', default: '2000000', description: 'cost points one client may spend per minute (a bucket that holds one minute and refills continuously); beyond it HTTP 429 `RATE_LIMITED` with `Retry-After` (0: no limit)' },
  { name: 'CLIENT_POOL_SHARE_PERCENT', default: '25', description: 'share of the Neo4j connection pool one client may hold; its other requests wait for their turn (within their deadline)' },
  { name: 'NEO4J_SESSIONS_PER_REQUEST', default: '4', description: 'Neo4j sessions one request may hold at once (its other traversals wait for one of them)' },
  { name: 'NEO4J_POOL_SIZE', default: '100', description: 'connections of the driver\'s pool; the sessions of all requests together never exceed it, so a full pool means waiting, never a 503' },
  { name: 'CPU_WORKERS', default: 'auto', description: 'worker threads for what-if, severity and risks (CPU work off the event loop); `auto`: the cores minus one, 1 to 4' },
  { name: 'RESPONSE_CACHE_MB', default: '64', description: 'answers kept per API process, keyed by query, variables and graph version (how fresh: `GRAPH_VERSION_MAX_AGE_MS`); `0` turns the cache off; a request with `Cache-Control: no-cache` bypasses it' },
  { name: 'GRAPH_VERSION_MAX_AGE_MS', default: '250', description: 'how old the graph version that keys cached answers may be before a request reads it again: an answer may miss a change another process made up to this long ago (never one of this process); `0` reads it for every request' },
  { name: 'OIDC_ISSUER', default: '(unset: no sign-in, the API is read-only)', description: 'the OpenID Connect issuer whose bearer tokens sign users in (e.g. `https://login.example.de/realms/dstack`); every token\'s `iss` must be exactly this; `https://`, or `http://` on a loopback address only' },
  { name: 'OIDC_AUDIENCE', default: '(required with OIDC_ISSUER)', description: 'the `aud` a token must carry to be accepted here (the API\'s client id at the issuer)' },
  { name: 'OIDC_JWKS_URI', default: '(read from `<issuer>/.well-known/openid-configuration` at start)', description: 'where the issuer publishes its signing keys (JWKS)' },
  { name: 'OIDC_ROLES_CLAIM', default: 'realm_access.roles', description: 'dotted path of the token claim with the caller\'s roles; `contributor`, `reviewer` and `admin` count, other names are ignored' },
  { name: 'OIDC_ORGANIZATION_CLAIM', default: 'organization', description: 'token claim with the caller\'s organizations: a graph id such as `org:land-hamburg` or a list of them' },
  { name: 'OIDC_NAME_CLAIM', default: 'preferred_username', description: 'token claim with the caller\'s display name (falls back to `sub`)' },
  { name: 'OIDC_ALGORITHMS', default: 'RS256,PS256,ES256,EdDSA', description: `comma-separated signature algorithms a token may use, asymmetric only (${ASYMMETRIC_ALGORITHMS.join(', ')}); \`none\` and HS* are refused` },
  { name: 'OIDC_CLOCK_SKEW_S', default: '30', description: 'seconds by which a token\'s `exp` and `nbf` may be off against this server\'s clock (0 to 300)' },
  { name: 'OIDC_JWKS_COOLDOWN_S', default: '30', description: 'a token with an unknown key id fetches the issuer\'s keys again (key rotation), at most once in this many seconds' },
  { name: 'READ_ACCESS', default: 'public', description: '`public`: anyone may read; `authenticated`: every request needs a valid token (needs `OIDC_ISSUER`)' },
  { name: 'WRITE_RATE_PER_MINUTE', default: '30', description: 'writes one user may make per minute; beyond it `RATE_LIMITED` (0: no limit)' },
  { name: 'PROPOSAL_MAX_OPERATIONS', default: '500', description: 'most operations in one change set (1 to 1000)' },
  { name: 'OIDC_WEB_CLIENT_ID', default: 'dstack-graph-web', description: 'the public client (authorization code with PKCE) the `/contribute` page signs in with; its redirect URI is this server\'s `/contribute`' },
  { name: 'REPORTS_NEED_REVIEW', default: 'off', description: '`off`: an organisation\'s adoption and use reports about itself apply at once (evidence `reported`); `on`: they are filed as proposals for a reviewer' },
  { name: 'IMPORT_MAX_BYTES', default: '10000000', description: 'body limit of `POST /graphql/import`, the endpoint of `importReports` with large CSV files (other operations are refused there)' },
  { name: 'IMPORT_MAX_ROWS', default: '20000', description: 'most data rows of one imported adoption or use CSV file (1 to 1,000,000)' },
  { name: 'WEBHOOK_URLS', default: '(unset: none)', description: 'comma-separated URLs that get a signed POST when an inclusion request, exception request or proposal changes state' },
  { name: 'WEBHOOK_SECRET', default: '(required with WEBHOOK_URLS)', description: 'the key of the `X-Dstack-Signature: sha256=<HMAC-SHA256 of the body>` header, at least 16 characters' },
  { name: 'WEBHOOK_RETRY_BASE_MS', default: '1000', description: 'delay before the first retry of a failed delivery; each next one doubles, up to an hour' },
  { name: 'WEBHOOK_MAX_ATTEMPTS', default: '12', description: 'attempts before a delivery is recorded as failed (1 to 100)' },
  { name: 'SEED_ON_START', default: 'auto', description: '`auto` loads the seed data when the database holds no model node, `always` at every start, `never` not at all' },
  { name: 'NEO4J_URI', default: '(unset: start the embedded Neo4j)', description: 'an existing Neo4j: `bolt://`, `neo4j://` (routing) or `neo4j+s://` (Aura)' },
  { name: 'NEO4J_USER', default: 'neo4j', description: 'Neo4j user' },
  { name: 'NEO4J_PASSWORD', default: '(embedded: random, kept in `<NEO4J_DATA_DIR>/password`)', description: 'Neo4j password (at least 8 characters); required with NEO4J_URI' },
  { name: 'NEO4J_DATABASE', default: 'neo4j', description: 'database name' },
  { name: 'NEO4J_BOLT_PORT', default: '7687', description: 'Bolt port of the embedded Neo4j (on 127.0.0.1); 0 picks a free one' },
  { name: 'NEO4J_DATA_DIR', default: '.neo4j/data', description: 'data folder of the embedded Neo4j (relative to the project); its logs go to `<dir>/logs/`' },
  { name: 'NEO4J_HEAP', default: 'auto', description: 'JVM heap of the embedded Neo4j (`-Xmx`, e.g. `2g`); `auto`: an eighth of the RAM, 768 MiB to 8 GiB. One query may use half of it, all queries together 70 % (`QUERY_TOO_LARGE` beyond)' },
  { name: 'NEO4J_PAGECACHE_MB', default: 'auto', description: 'page cache of the embedded Neo4j in MiB; `auto`: an eighth of the RAM, 256 MiB to 8 GiB (see "Memory")' },
  { name: 'NEO4J_START_TIMEOUT_S', default: '180', description: 'how long to wait for the embedded Neo4j (first start includes the Maven build)' },
  { name: 'NEO4J_MAX_RESTARTS', default: '5', description: 'how often the API starts a dead embedded Neo4j again within 10 minutes before it gives up (then `/healthz` turns 503)' },
  { name: 'NEO4J_HUNG_RESTART_S', default: '30', description: 'how long the embedded Neo4j may leave the watchdog\'s pings unanswered (counted from the first unanswered one) before the API kills it and restarts it like a dead one; 0 = never (see "When Neo4j goes away")' },
  { name: 'JAVA_HOME', default: '(java on PATH)', description: 'the JDK 17+ that runs the embedded Neo4j' },
];

/** Thrown when the environment holds a value the process cannot run with. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee the configuration table in README.md.`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the configuration from `env`; the only reader of process.env is the caller. */
export function loadConfig(env: Env = process.env, isTty = Boolean(process.stdout.isTTY)): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
      return fallback;
    }
    return raw as T;
  };

  const nodeEnv = oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const uri = get('NEO4J_URI');
  if (uri !== undefined && !/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/.test(uri)) {
    problems.push(`NEO4J_URI must start with bolt://, neo4j://, neo4j+s:// (or bolt+s://), got "${uri}"`);
  }
  const password = get('NEO4J_PASSWORD');
  if (uri !== undefined && password === undefined) {
    problems.push('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  }
  if (uri === undefined && password !== undefined && password.length < 8) {
    problems.push('NEO4J_PASSWORD must have at least 8 characters (a Neo4j 5 rule)');
  }
  const memory = autoMemory(os.totalmem());
  const heapSetting = get('NEO4J_HEAP') ?? 'auto';
  const heap = heapSetting === 'auto' ? `${memory.heapMb}m` : heapSetting;
  if (!/^\d+[kmg]$/i.test(heap)) {
    problems.push(`NEO4J_HEAP must be auto or look like 512m or 2g, got "${heap}"`);
  }
  const pageCacheSetting = get('NEO4J_PAGECACHE_MB') ?? 'auto';
  const onOff = (name: string, fallback: boolean): boolean => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    if (raw === 'on' || raw === 'true' || raw === '1') return true;
    if (raw === 'off' || raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be on or off, got "${raw}"`);
    return fallback;
  };
  const corsOrigins = (get('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter((o) => o !== '');
  for (const o of corsOrigins) {
    if (o !== '*' && !/^https?:\/\/[^\s/]+$/.test(o)) problems.push(`CORS_ORIGINS must list origins such as https://portal.example.de (scheme, host, optional port), got "${o}"`);
  }
  const dataDir = path.resolve(projectRoot, get('NEO4J_DATA_DIR') ?? '.neo4j/data');

  const config: Config = {
    env: nodeEnv,
    host: get('HOST') ?? '127.0.0.1',
    port: int('PORT', 4000, 0, 65535),
    logLevel: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    logFormat: oneOf('LOG_FORMAT', ['json', 'pretty'] as const, isTty ? 'pretty' : 'json'),
    seedOnStart: oneOf('SEED_ON_START', ['auto', 'always', 'never'] as const, 'auto'),
    corsOrigins,
    healthPort: get('HEALTH_PORT') === undefined ? null : { port: int('HEALTH_PORT', 0, 0, 65535), stallMs: int('HEALTH_STALL_MS', 10_000, 100, 600_000) },
    introspection: onOff('INTROSPECTION', true),
    webUi: onOff('WEB_UI', true),
    metrics: onOff('METRICS', true),
    responseCacheMb: int('RESPONSE_CACHE_MB', 64, 0, 65536),
    graphVersionMaxAgeMs: int('GRAPH_VERSION_MAX_AGE_MS', 250, 0, 60_000),
    limits: {
      maxDocumentBytes: int('QUERY_MAX_BYTES', 20_000, 100, 10_000_000),
      maxBodyBytes: int('BODY_MAX_BYTES', 100_000, 1_000, 100_000_000),
      maxTokens: int('QUERY_MAX_TOKENS', 2_000, 10, 1_000_000),
      maxDepth: int('QUERY_MAX_DEPTH', 12, 1, 1000),
      maxAliases: int('QUERY_MAX_ALIASES', 30, 0, 100_000),
      maxDirectives: int('QUERY_MAX_DIRECTIVES', 20, 0, 100_000),
      maxCost: int('QUERY_MAX_COST', 200_000, 1, 1_000_000_000),
      assumedListSize: int('QUERY_LIST_SIZE', 100, 1, 1_000_000),
      queryTimeoutMs: int('QUERY_TIMEOUT_MS', 10_000, 10, 3_600_000),
      requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 20_000, 10, 3_600_000),
      modelReadTimeoutMs: int('MODEL_READ_TIMEOUT_MS', 300_000, 1_000, 3_600_000),
      maxResultItems: int('RESULT_MAX_ITEMS', 100_000, 1, 1_000_000_000),
    },
    http: {
      maxConnections: int('HTTP_MAX_CONNECTIONS', HTTP_DEFAULTS.maxConnections, 10, 1_000_000),
      maxConnectionsPerAddress: int('HTTP_MAX_CONNECTIONS_PER_ADDRESS', HTTP_DEFAULTS.maxConnectionsPerAddress, 0, 1_000_000),
      headersTimeoutMs: int('HTTP_HEADERS_TIMEOUT_MS', HTTP_DEFAULTS.headersTimeoutMs, 100, 3_600_000),
      requestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', HTTP_DEFAULTS.requestTimeoutMs, 100, 3_600_000),
      keepAliveTimeoutMs: int('HTTP_KEEP_ALIVE_TIMEOUT_MS', HTTP_DEFAULTS.keepAliveTimeoutMs, 100, 3_600_000),
    },
    fairness: {
      trustProxy: trustProxyOf(get('TRUST_PROXY'), problems),
      clientMaxConcurrent: int('CLIENT_MAX_CONCURRENT', FAIRNESS_DEFAULTS.clientMaxConcurrent, 0, 100_000),
      clientCostPerMinute: int('CLIENT_COST_PER_MINUTE', FAIRNESS_DEFAULTS.clientCostPerMinute, 0, 1_000_000_000_000),
      clientPoolSharePercent: int('CLIENT_POOL_SHARE_PERCENT', FAIRNESS_DEFAULTS.clientPoolSharePercent, 1, 100),
      sessionsPerRequest: int('NEO4J_SESSIONS_PER_REQUEST', FAIRNESS_DEFAULTS.sessionsPerRequest, 1, 1000),
      poolSize: int('NEO4J_POOL_SIZE', FAIRNESS_DEFAULTS.poolSize, 2, 10_000),
      cpuWorkers: get('CPU_WORKERS') === undefined || get('CPU_WORKERS') === 'auto' ? FAIRNESS_DEFAULTS.cpuWorkers : int('CPU_WORKERS', 1, 1, 64),
    },
    auth: authOf(get, int, oneOf, problems),
    participation: participationOf(get, int, onOff, problems),
    neo4j: {
      mode: uri === undefined ? 'embedded' : 'external',
      uri,
      user: get('NEO4J_USER') ?? 'neo4j',
      password,
      database: get('NEO4J_DATABASE') ?? 'neo4j',
      embedded: {
        boltPort: int('NEO4J_BOLT_PORT', 7687, 0, 65535),
        dataDir,
        heap,
        pageCacheMb: pageCacheSetting === 'auto' ? memory.pageCacheMb : int('NEO4J_PAGECACHE_MB', 256, 16, 1_048_576),
        startTimeoutMs: int('NEO4J_START_TIMEOUT_S', 180, 5, 3600) * 1000,
        javaHome: get('JAVA_HOME'),
        maxRestarts: int('NEO4J_MAX_RESTARTS', 5, 0, 1000),
        hungRestartMs: int('NEO4J_HUNG_RESTART_S', 30, 0, 86_400) * 1000,
      },
    },
  };
  if (config.http.headersTimeoutMs > config.http.requestTimeoutMs) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS must not be above HTTP_REQUEST_TIMEOUT_MS (${config.http.requestTimeoutMs}), got "${config.http.headersTimeoutMs}"`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/**
 * Heap and page cache of the embedded Neo4j that follow the machine: an eighth of the RAM each,
 * the heap from 768 MiB to 8 GiB, the page cache from 256 MiB to 8 GiB (the API, the JVM's own
 * overhead and the operating system's file cache keep the rest).
 */
export function autoMemory(totalBytes: number): { heapMb: number; pageCacheMb: number } {
  const eighthMb = Math.floor(totalBytes / 8 / 1024 / 1024);
  return { heapMb: Math.min(8192, Math.max(768, eighthMb)), pageCacheMb: Math.min(8192, Math.max(256, eighthMb)) };
}

/** Worker threads for the in-memory engines: the cores minus one (the event loop keeps one), 1 to 4. */
export function autoCpuWorkers(cores: number): number {
  return Math.min(4, Math.max(1, cores - 1));
}

/** The participation section: report review, import size, and the webhooks (a secret is required with URLs). */
function participationOf(
  get: (name: string) => string | undefined,
  int: (name: string, fallback: number, min: number, max: number) => number,
  onOff: (name: string, fallback: boolean) => boolean,
  problems: string[],
): ParticipationConfig {
  const urls = (get('WEBHOOK_URLS') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  for (const u of urls) if (!/^https?:\/\/[^\s]+$/.test(u) || !URL.canParse(u)) problems.push(`WEBHOOK_URLS must list http(s) URLs such as https://tickets.example.de/hooks/dstack, got "${u}"`);
  const secret = get('WEBHOOK_SECRET') ?? null;
  if (urls.length > 0 && (secret === null || secret.length < 16)) problems.push('WEBHOOK_SECRET must be set to at least 16 characters when WEBHOOK_URLS is set: receivers check each body\'s HMAC with it');
  return {
    reportsNeedReview: onOff('REPORTS_NEED_REVIEW', false),
    importMaxRows: int('IMPORT_MAX_ROWS', 20_000, 1, 1_000_000),
    importMaxBytes: int('IMPORT_MAX_BYTES', 10_000_000, 10_000, 1_000_000_000),
    webhooks: { urls, secret, retryBaseMs: int('WEBHOOK_RETRY_BASE_MS', 1000, 10, 3_600_000), maxAttempts: int('WEBHOOK_MAX_ATTEMPTS', 12, 1, 100) },
  };
}

/** The auth section: OIDC only when OIDC_ISSUER is set, and then OIDC_AUDIENCE is required. */
function authOf(
  get: (name: string) => string | undefined,
  int: (name: string, fallback: number, min: number, max: number) => number,
  oneOf: <T extends string>(name: string, allowed: readonly T[], fallback: T) => T,
  problems: string[],
): AuthConfig {
  const issuer = get('OIDC_ISSUER');
  const readAccess = oneOf('READ_ACCESS', ['public', 'authenticated'] as const, 'public');
  const rates = { writeRatePerMinute: int('WRITE_RATE_PER_MINUTE', 30, 0, 100_000), proposalMaxOperations: int('PROPOSAL_MAX_OPERATIONS', 500, 1, 1000) };
  if (issuer === undefined) {
    const stray = ['OIDC_AUDIENCE', 'OIDC_JWKS_URI', 'OIDC_ROLES_CLAIM', 'OIDC_ORGANIZATION_CLAIM', 'OIDC_NAME_CLAIM', 'OIDC_ALGORITHMS', 'OIDC_CLOCK_SKEW_S', 'OIDC_JWKS_COOLDOWN_S'].filter((k) => get(k) !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but OIDC_ISSUER is not; set OIDC_ISSUER to turn sign-in on, or unset ${stray.length === 1 ? 'it' : 'them'}`);
    if (readAccess === 'authenticated') problems.push('READ_ACCESS=authenticated needs OIDC_ISSUER: without an issuer no one could sign in to read');
    return { oidc: null, readAccess, ...rates };
  }
  const url = (name: string, raw: string): void => {
    // Keys fetched over plain HTTP could be swapped on the way; only a loopback issuer may use it.
    const u = URL.canParse(raw) ? new URL(raw) : undefined;
    if (!(u?.protocol === 'https:' || (u?.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)))) {
      problems.push(`${name} must be an https:// URL (http:// only on localhost, 127.0.0.1 or [::1]), got "${raw}"`);
    }
  };
  url('OIDC_ISSUER', issuer);
  const audience = get('OIDC_AUDIENCE');
  if (audience === undefined) problems.push('OIDC_AUDIENCE must be set when OIDC_ISSUER is set (the `aud` tokens for this API carry)');
  const jwksUri = get('OIDC_JWKS_URI');
  if (jwksUri !== undefined) url('OIDC_JWKS_URI', jwksUri);
  const claim = (name: string, fallback: string): string => {
    const raw = get(name) ?? fallback;
    if (/\s/.test(raw) || /^\.|\.$|\.\./.test(raw)) problems.push(`${name} must be a claim name or a dotted path such as realm_access.roles, got "${raw}"`);
    return raw;
  };
  const algorithms = (get('OIDC_ALGORITHMS') ?? 'RS256,PS256,ES256,EdDSA').split(',').map((a) => a.trim()).filter((a) => a !== '');
  for (const a of algorithms) {
    if (/^none$/i.test(a)) problems.push('OIDC_ALGORITHMS must not list "none": unsigned tokens could be forged by anyone');
    else if (/^HS\d+$/i.test(a)) problems.push(`OIDC_ALGORITHMS must not list "${a}": it is symmetric, so whoever can check a token could also forge one; use the issuer's asymmetric keys (e.g. RS256)`);
    else if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a)) problems.push(`OIDC_ALGORITHMS must list only ${ASYMMETRIC_ALGORITHMS.join(', ')}, got "${a}"`);
  }
  if (algorithms.length === 0) problems.push('OIDC_ALGORITHMS must list at least one algorithm, e.g. RS256');
  const oidc: OidcConfig = {
    issuer,
    audience: audience ?? '',
    jwksUri,
    rolesClaim: claim('OIDC_ROLES_CLAIM', 'realm_access.roles'),
    organizationClaim: claim('OIDC_ORGANIZATION_CLAIM', 'organization'),
    nameClaim: claim('OIDC_NAME_CLAIM', 'preferred_username'),
    algorithms,
    clockSkewS: int('OIDC_CLOCK_SKEW_S', 30, 0, 300),
    jwksCooldownS: int('OIDC_JWKS_COOLDOWN_S', 30, 0, 86_400),
    webClientId: get('OIDC_WEB_CLIENT_ID') ?? 'dstack-graph-web',
  };
  return { oidc, readAccess, ...rates };
}

/** TRUST_PROXY as Express's `trust proxy` takes it; a wrong value is a problem named with the value. */
function trustProxyOf(raw: string | undefined, problems: string[]): false | string | number {
  if (raw === undefined || raw === 'off' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = raw.split(',').map((p) => p.trim());
  const ok = parts.every((p) => ['loopback', 'linklocal', 'uniquelocal'].includes(p) || /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p));
  if (!ok) {
    problems.push(`TRUST_PROXY must be off, loopback, linklocal, uniquelocal, addresses or CIDRs (comma-separated) or a hop count, got "${raw}"`);
    return false;
  }
  return parts.join(',');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The environment for a child process (Maven, the Neo4j JVM): this process's environment, which it
 * inherits as any child would, plus `extra`. Kept here so that config.ts stays the one reader of process.env.
 */
export function childProcessEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
