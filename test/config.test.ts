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
