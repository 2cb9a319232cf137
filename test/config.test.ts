import path from 'node:path';
import { autoCpuWorkers, CONFIG_KEYS, ConfigError, loadConfig, sessionShares } from '../src/config';
import { projectRoot } from '../src/paths';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({}, false);
    expect(c.port).toBe(4000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.logFormat).toBe('json');
    expect(c.neo4j.mode).toBe('embedded');
    expect(c.neo4j.uri).toBeUndefined();
    expect(c.neo4j.user).toBe('neo4j');
    expect(c.neo4j.password).toBeUndefined();
    expect(c.corsOrigins).toEqual([]);
    expect(c.introspection).toBe(true);
    expect(c.limits).toMatchObject({ maxDepth: 12, maxAliases: 30, maxCost: 200_000, queryTimeoutMs: 10_000 });
    expect(c.neo4j.embedded.boltPort).toBe(7687);
    expect(c.neo4j.embedded.dataDir).toBe(path.join(projectRoot, '.neo4j', 'data'));
  });

  it('chooses pretty logs on a terminal', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
  });

  it('uses an external server when NEO4J_URI is set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret' }, false);
    expect(c.neo4j.mode).toBe('external');
    expect(c.neo4j.uri).toBe('neo4j+s://abc.databases.neo4j.io');
  });

  it('names every invalid key with its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_BOLT_PORT: '70000', LOG_LEVEL: 'loud', NEO4J_URI: 'http://x', NEO4J_HEAP: 'lots' }, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect([...problems].sort()).toEqual([
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'NEO4J_URI must start with bolt://, neo4j://, neo4j+s:// (or bolt+s://), got "http://x"',
      'NEO4J_PASSWORD must be set when NEO4J_URI is set',
      'NEO4J_HEAP must be auto or look like 512m or 2g, got "lots"',
      'NEO4J_BOLT_PORT must be a whole number from 0 to 65535, got "70000"',
    ].sort());
    expect((error as Error).message).toContain('README.md');
  });

  it('refuses an embedded password shorter than Neo4j accepts', () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' }, false)).toThrow(/at least 8 characters/);
  });

  it('returns a frozen object', () => {
    const c = loadConfig({}, false);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.neo4j.embedded)).toBe(true);
  });

  it('documents every key it reads', () => {
    const src = require('node:fs').readFileSync(path.join(projectRoot, 'src', 'config.ts'), 'utf8') as string;
    const read = new Set([...src.matchAll(/(?:get|int|oneOf)\('([A-Z0-9_]+)'/g)].map((m) => m[1]));
    const documented = new Set(CONFIG_KEYS.map((k) => k.name));
    for (const key of read) expect(documented).toContain(key);
  });
});

describe('README', () => {
  it('documents every configuration key in its table', () => {
    const readme = require('node:fs').readFileSync(path.join(projectRoot, 'README.md'), 'utf8') as string;
    for (const key of CONFIG_KEYS) expect(readme).toContain(`| \`${key.name}\` |`);
  });
});

describe('fair shares, CPU workers and the health port', () => {
  it('reads the fair-share settings and refuses wrong values with the name and the value', () => {
    const c = loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8', CLIENT_MAX_CONCURRENT: '3', CPU_WORKERS: '2', NEO4J_POOL_SIZE: '40', CLIENT_POOL_SHARE_PERCENT: '10' }, false);
    expect(c.fairness).toMatchObject({ trustProxy: 'loopback,10.0.0.0/8', clientMaxConcurrent: 3, cpuWorkers: 2, poolSize: 40, clientPoolSharePercent: 10 });
    expect(loadConfig({ TRUST_PROXY: '2' }, false).fairness.trustProxy).toBe(2);
    expect(loadConfig({}, false).fairness.trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' }, false)).toThrow(/TRUST_PROXY .*"everyone"/);
    expect(() => loadConfig({ NEO4J_POOL_SIZE: '1' }, false)).toThrow(/NEO4J_POOL_SIZE must be a whole number from 2/);
  });

  it('gives the event loop a core of its own: CPU workers are the cores minus one, 1 to 4', () => {
    expect([1, 2, 3, 8, 64].map(autoCpuWorkers)).toEqual([1, 1, 2, 4, 4]);
  });

  it('shares the pool out: a client gets its percentage, at least one session', () => {
    expect(sessionShares({ poolSize: 100, clientPoolSharePercent: 25, sessionsPerRequest: 4 })).toEqual({ total: 100, perClient: 25, perRequest: 4 });
    expect(sessionShares({ poolSize: 3, clientPoolSharePercent: 10, sessionsPerRequest: 1 }).perClient).toBe(1);
  });

  it('serves the probes on a port of their own only when HEALTH_PORT is set', () => {
    expect(loadConfig({}, false).healthPort).toBeNull();
    expect(loadConfig({ HEALTH_PORT: '4001' }, false).healthPort).toEqual({ port: 4001, stallMs: 10_000 });
    expect(() => loadConfig({ HEALTH_PORT: '4001', HEALTH_STALL_MS: '5' }, false)).toThrow(/HEALTH_STALL_MS/);
  });
});

describe('auth: OIDC sign-in, read access, write limits', () => {
  const oidcEnv = { OIDC_ISSUER: 'https://login.example.de/realms/dstack', OIDC_AUDIENCE: 'dstack-graph' };
  const problemsOf = (env: Record<string, string>): readonly string[] => {
    try {
      loadConfig(env, false);
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
    return [];
  };

  it('is read-only and public without OIDC_ISSUER, with the documented write limits', () => {
    expect(loadConfig({}, false).auth).toEqual({ oidc: null, readAccess: 'public', writeRatePerMinute: 30, proposalMaxOperations: 500 });
  });

  it('gives the documented defaults when OIDC_ISSUER and OIDC_AUDIENCE are set', () => {
    const c = loadConfig(oidcEnv, false);
    expect(c.auth.oidc).toEqual({
      issuer: 'https://login.example.de/realms/dstack',
      audience: 'dstack-graph',
      jwksUri: undefined,
      rolesClaim: 'realm_access.roles',
      organizationClaim: 'organization',
      nameClaim: 'preferred_username',
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      clockSkewS: 30,
      jwksCooldownS: 30,
      webClientId: 'dstack-graph-web',
    });
    expect(Object.isFrozen(c.auth.oidc?.algorithms)).toBe(true);
  });

  it('reads every key', () => {
    const c = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:8080/realms/dstack',
      OIDC_AUDIENCE: 'api',
      OIDC_JWKS_URI: 'https://login.example.de/certs',
      OIDC_ROLES_CLAIM: 'resource_access.dstack-graph.roles',
      OIDC_ORGANIZATION_CLAIM: 'org',
      OIDC_NAME_CLAIM: 'name',
      OIDC_ALGORITHMS: 'ES256, EdDSA',
      OIDC_CLOCK_SKEW_S: '0',
      OIDC_JWKS_COOLDOWN_S: '5',
      OIDC_WEB_CLIENT_ID: 'portal',
      READ_ACCESS: 'authenticated',
      WRITE_RATE_PER_MINUTE: '0',
      PROPOSAL_MAX_OPERATIONS: '1000',
    }, false);
    expect(c.auth).toEqual({
      oidc: { issuer: 'http://127.0.0.1:8080/realms/dstack', audience: 'api', jwksUri: 'https://login.example.de/certs', rolesClaim: 'resource_access.dstack-graph.roles', organizationClaim: 'org', nameClaim: 'name', algorithms: ['ES256', 'EdDSA'], clockSkewS: 0, jwksCooldownS: 5, webClientId: 'portal' },
      readAccess: 'authenticated',
      writeRatePerMinute: 0,
      proposalMaxOperations: 1000,
    });
  });

  it('reads the participation settings: report review, import limits, webhooks with a required secret', () => {
    expect(loadConfig({}, false).participation).toEqual({ reportsNeedReview: false, importMaxRows: 20_000, importMaxBytes: 10_000_000, webhooks: { urls: [], secret: null, retryBaseMs: 1000, maxAttempts: 12 } });
    const c = loadConfig({ REPORTS_NEED_REVIEW: 'on', IMPORT_MAX_ROWS: '500', IMPORT_MAX_BYTES: '20000', WEBHOOK_URLS: 'https://tickets.example.de/hook, http://127.0.0.1:9000/x', WEBHOOK_SECRET: 'a-secret-of-16-chars', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '3' }, false);
    expect(c.participation).toEqual({ reportsNeedReview: true, importMaxRows: 500, importMaxBytes: 20_000, webhooks: { urls: ['https://tickets.example.de/hook', 'http://127.0.0.1:9000/x'], secret: 'a-secret-of-16-chars', retryBaseMs: 50, maxAttempts: 3 } });
    expect(problemsOf({ WEBHOOK_URLS: 'https://tickets.example.de/hook' })).toEqual([expect.stringMatching(/^WEBHOOK_SECRET must be set to at least 16 characters/)]);
    expect(problemsOf({ WEBHOOK_URLS: 'ftp://x', WEBHOOK_SECRET: 'a-secret-of-16-chars' })).toEqual([expect.stringMatching(/^WEBHOOK_URLS must list http\(s\) URLs/)]);
  });

  it('requires OIDC_AUDIENCE with OIDC_ISSUER', () => {
    expect(problemsOf({ OIDC_ISSUER: oidcEnv.OIDC_ISSUER })).toEqual(['OIDC_AUDIENCE must be set when OIDC_ISSUER is set (the `aud` tokens for this API carry)']);
  });

  it('refuses none and HS* with the reason, and unknown algorithms with the list', () => {
    const problems = problemsOf({ ...oidcEnv, OIDC_ALGORITHMS: 'RS256,none,HS256,RS1' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('OIDC_ALGORITHMS must not list "none": unsigned tokens could be forged by anyone');
    expect(problems[1]).toMatch(/^OIDC_ALGORITHMS must not list "HS256": it is symmetric/);
    expect(problems[2]).toMatch(/^OIDC_ALGORITHMS must list only RS256, .*EdDSA.*, got "RS1"$/);
    expect(problemsOf({ ...oidcEnv, OIDC_ALGORITHMS: ' , ' })).toEqual(['OIDC_ALGORITHMS must list at least one algorithm, e.g. RS256']);
  });

  it('accepts https issuers, and http only on a loopback address', () => {
    expect(problemsOf({ ...oidcEnv, OIDC_ISSUER: 'http://localhost:8080/realms/dstack' })).toEqual([]);
    expect(problemsOf({ ...oidcEnv, OIDC_ISSUER: 'http://login.example.de/realms/dstack' })).toEqual([
      'OIDC_ISSUER must be an https:// URL (http:// only on localhost, 127.0.0.1 or [::1]), got "http://login.example.de/realms/dstack"',
    ]);
    expect(problemsOf({ ...oidcEnv, OIDC_JWKS_URI: 'certs' })).toEqual([expect.stringMatching(/^OIDC_JWKS_URI must be an https:\/\/ URL .*got "certs"$/)]);
  });

  it('names wrong ranges and claim paths with their values', () => {
    expect(problemsOf({ ...oidcEnv, OIDC_CLOCK_SKEW_S: '301', OIDC_ROLES_CLAIM: 'realm_access..roles', WRITE_RATE_PER_MINUTE: '-1', PROPOSAL_MAX_OPERATIONS: '0' }).slice().sort()).toEqual([
      'OIDC_CLOCK_SKEW_S must be a whole number from 0 to 300, got "301"',
      'OIDC_ROLES_CLAIM must be a claim name or a dotted path such as realm_access.roles, got "realm_access..roles"',
      'PROPOSAL_MAX_OPERATIONS must be a whole number from 1 to 1000, got "0"',
      'WRITE_RATE_PER_MINUTE must be a whole number from 0 to 100000, got "-1"',
    ]);
    expect(problemsOf({ READ_ACCESS: 'private' })).toEqual(['READ_ACCESS must be one of public, authenticated, got "private"']);
  });

  it('refuses OIDC settings or READ_ACCESS=authenticated without OIDC_ISSUER', () => {
    expect(problemsOf({ OIDC_AUDIENCE: 'api', OIDC_JWKS_URI: 'https://x.example/certs' })).toEqual([
      'OIDC_AUDIENCE, OIDC_JWKS_URI are set but OIDC_ISSUER is not; set OIDC_ISSUER to turn sign-in on, or unset them',
    ]);
    expect(problemsOf({ READ_ACCESS: 'authenticated' })).toEqual(['READ_ACCESS=authenticated needs OIDC_ISSUER: without an issuer no one could sign in to read']);
  });

  it('documents each auth key', () => {
    const names = CONFIG_KEYS.map((k) => k.name);
    for (const k of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URI', 'OIDC_ROLES_CLAIM', 'OIDC_ORGANIZATION_CLAIM', 'OIDC_NAME_CLAIM', 'OIDC_ALGORITHMS', 'OIDC_CLOCK_SKEW_S', 'OIDC_JWKS_COOLDOWN_S', 'READ_ACCESS', 'WRITE_RATE_PER_MINUTE', 'PROPOSAL_MAX_OPERATIONS']) {
      expect(names).toContain(k);
    }
  });
});
