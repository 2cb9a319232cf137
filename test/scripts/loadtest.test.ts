import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { buildMix, errorCodes, formatTable, parseProcStat, parseProcStatus, percentile, pickWeighted, summarize } from '../../scripts/loadtest';
import { attackerAddress, parseLoadtestArgs, phasesOf, wellBehavedAddress } from '../../scripts/loadtest/args';
import { buildAttacks } from '../../scripts/loadtest/attackers';
import { delayWindow, parseDelayHistogram } from '../../scripts/loadtest/probes';
import { formatAttackTable, formatComparison, type PhaseSummary } from '../../scripts/loadtest/report';
import { loadConfig } from '../../src/config';
import { formatMetrics } from '../../src/http/metrics';
import { countTokens } from '../../src/limits/checkSource';
import { loadTypeDefs } from '../../src/schema';
import { BucketCounter } from '../../src/system/eventLoopDelay';

describe('loadtest helpers', () => {
  it('picks each entry with the probability weight / total weight', () => {
    const entries = [
      { name: 'a', weight: 1 },
      { name: 'b', weight: 3 },
    ];
    expect([0, 0.24, 0.25, 0.99].map((r) => pickWeighted(entries, r).name)).toEqual(['a', 'a', 'b', 'b']);
  });

  it('documents a mix whose weights sum to 100 and leaves dependencies out without a root', () => {
    expect(buildMix('ozg-hub').reduce((s, m) => s + m.weight, 0)).toBe(100);
    expect(buildMix('ozg-hub').map((m) => m.name)).toContain('dependencies(ozg-hub)');
    expect(buildMix(undefined).some((m) => m.name.startsWith('dependencies('))).toBe(false);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100), percentile([], 50)]).toEqual([50, 99, 100, 0]);
  });

  it('reads the error codes of a GraphQL answer', () => {
    expect(errorCodes('{"data":{"about":{"version":"0.1.0"}}}')).toEqual([]);
    expect(errorCodes('{"data":{"node":{"name":"say \\"errors\\": none"}}}')).toEqual([]);
    expect(errorCodes('{"errors":[{"message":"x","extensions":{"code":"COST_LIMIT_EXCEEDED"}},{"message":"y"}]}')).toEqual(['COST_LIMIT_EXCEEDED', 'NO_CODE']);
    expect(errorCodes('<html>"errors": 502</html>')).toEqual(['NOT_JSON']);
  });

  it('reads VmRSS and VmHWM from /proc/<pid>/status', () => {
    expect(parseProcStatus('Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n')).toEqual({ rssMiB: 100, peakMiB: 200 });
  });

  it('reads user + system CPU time from /proc/<pid>/stat, even when the name holds spaces', () => {
    expect(parseProcStat('42 (my (odd) name) S 1 42 42 0 -1 4194560 100 0 0 0 250 120 0 0 20 0 11 0 5 1000 200')).toBe(3.7);
  });

  it('merges figures into a line and prints a table with the overall line last', () => {
    const a = { sent: 3, latencies: [1, 2, 3], non2xx: 0, codes: {} };
    const b = { sent: 1, latencies: [10], non2xx: 1, codes: { QUERY_TIMEOUT: 1 } };
    const overall = summarize('overall', 100, [a, b]);
    expect(overall).toEqual({ name: 'overall', weight: 100, sent: 4, count: 4, open: 0, p50: 2, p99: 10, non2xx: 1, codes: { QUERY_TIMEOUT: 1 } });
    const table = formatTable([summarize('a', 75, [a]), summarize('b', 25, [b])], overall, new Map([['a', 123]]));
    expect(table).toHaveLength(4);
    expect(table[1]).toMatch(/^a\s+75\s+123\s+3\s+75%\s+3\s+2\.0\s+3\.0\s+0  none$/);
    expect(table[3]).toMatch(/^overall .* QUERY_TIMEOUT 1$/);
  });

  it('counts requests still open at the end in p50 and p99 with their wait so far', () => {
    const stalled = { sent: 4, latencies: [10, 12], openMs: [5000, 6000], non2xx: 0, codes: {} };
    expect(summarize('x', 1, [stalled])).toMatchObject({ sent: 4, count: 2, open: 2, p50: 12, p99: 6000 });
  });
});

describe('loadtest arguments', () => {
  it('defaults to the calm mode with 4 attackers for the adversarial one', () => {
    expect(parseLoadtestArgs([])).toEqual({ duration: 20, warmup: 3, connections: 50, mode: 'calm', attackers: 4, url: undefined, out: undefined, dataDir: '.neo4j/loadtest' });
  });

  it('takes --adversarial, --mode and --attackers', () => {
    expect(parseLoadtestArgs(['--adversarial']).mode).toBe('adversarial');
    expect(parseLoadtestArgs(['--mode', 'both', '--attackers', '5', '--url', 'http://127.0.0.1:4100/graphql'])).toMatchObject({ mode: 'both', attackers: 5, url: 'http://127.0.0.1:4100/graphql' });
    expect(parseLoadtestArgs(['--mode', 'adversarial', '--adversarial']).mode).toBe('adversarial');
    expect(phasesOf('both')).toEqual(['calm', 'adversarial']);
    expect(phasesOf('adversarial')).toEqual(['adversarial']);
  });

  it('refuses wrong values, naming them', () => {
    expect(() => parseLoadtestArgs(['--mode', 'angry'])).toThrow('--mode takes calm, adversarial, both, got "angry"');
    expect(() => parseLoadtestArgs(['--mode', 'calm', '--adversarial'])).toThrow('contradict');
    expect(() => parseLoadtestArgs(['--attackers', '0'])).toThrow('--attackers takes a whole number from 1 to 250, got 0');
    expect(() => parseLoadtestArgs(['--duration', '2.5'])).toThrow('--duration and --connections');
    expect(() => parseLoadtestArgs(['--bogus'])).toThrow();
  });

  it('gives well-behaved connections and attackers addresses of their own', () => {
    expect([1, 2, 250, 251].map(wellBehavedAddress)).toEqual(['10.1.0.1', '10.1.0.2', '10.1.0.250', '10.1.1.1']);
    expect(attackerAddress(3)).toBe('10.66.0.3');
  });
});

describe('the attacks', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const limits = loadConfig({}, false).limits;

  it('are valid queries within the alias and token limits, each alias asking for something else', () => {
    const attacks = buildAttacks();
    expect(attacks.map((a) => a.name)).toEqual(['simulateChange x30', 'impactAnalysis x20', 'subgraph(bundid, depth 3)', 'source(ozg-datenbank-nrw).facts(500)']);
    for (const a of attacks) {
      expect(validate(schema, parse(a.query))).toEqual([]);
      expect(countTokens(a.query)).toBeLessThanOrEqual(limits.maxTokens);
      expect(Buffer.byteLength(a.query)).toBeLessThanOrEqual(limits.maxDocumentBytes);
    }
    const aliasArgs = (q: string): string[] => [...q.matchAll(/\b[si]\d+: (\w+\([^)]*\))/g)].map((m) => m[1] as string);
    expect(new Set(aliasArgs(attacks[0]!.query)).size).toBe(30);
    expect(new Set(aliasArgs(attacks[1]!.query)).size).toBe(20);
    expect(attacks[2]!.query).not.toContain('"USES"');
  });
});

describe('event-loop delay of a phase from two scrapes', () => {
  const scrape = (samples: number[]): string => {
    const c = new BucketCounter();
    for (const v of samples) c.record(v);
    return formatMetrics(c.snapshot(), { residentBytes: 1, heapUsedBytes: 1, heapTotalBytes: 1, requestsInFlight: 1, requestsTotal: 1 });
  };

  it('reads the histogram of /metrics back in ms', () => {
    const h = parseDelayHistogram(scrape([0.5, 3, 7000]));
    expect(h).toEqual({ bounds: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], counts: [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3], sum: 7003.5, count: 3 });
    expect(parseDelayHistogram('<html>Not found</html>')).toBeUndefined();
  });

  it('subtracts the scrape before the phase from the one after it', () => {
    const calm = Array.from({ length: 1000 }, () => 0.5);
    const phase = [...Array.from({ length: 98 }, () => 0.5), 150, 300];
    const before = { histogram: parseDelayHistogram(scrape(calm))! };
    const after = { histogram: parseDelayHistogram(scrape([...calm, ...phase]))! };
    const w = delayWindow(before, after);
    expect(w).toMatchObject({ samples: 100, maxBound: 500 });
    expect('p50' in w && w.p50).toBeCloseTo(50 / 98); // rank 50 of the 98 samples in (0, 1]
    expect('p99' in w && w.p99).toBeCloseTo(100 + 100 * ((99 - 98) / 1)); // rank 99 of 100: the top of the (100, 200] bucket
    expect('mean' in w && w.mean).toBeCloseTo((98 * 0.5 + 450) / 100);
  });

  it('says why when /metrics is missing or nothing was sampled', () => {
    const h = { histogram: parseDelayHistogram(scrape([1]))! };
    expect(delayWindow({ missing: 'GET /metrics answered 404: the API has no metrics' }, h)).toEqual({ missing: 'GET /metrics answered 404: the API has no metrics' });
    expect(delayWindow(h, h)).toEqual({ missing: expect.stringContaining('no event-loop samples') });
  });
});

describe('the report', () => {
  const phase = (over: Partial<PhaseSummary>): PhaseSummary => ({
    phase: 'calm',
    requestsPerSecond: 100,
    p50: 10,
    p99: 40,
    errors: 0,
    open: 0,
    healthz: { count: 200, p50: 1, p99: 3, max: 5, failures: {} },
    eventLoop: { samples: 2000, p50: 0.5, p99: 8, maxBound: 20, mean: 0.7 },
    loadAverage: { start: [1, 1, 1], end: [1.5, 1, 1] },
    ...over,
  });

  it('prints calm and adversarial side by side with the ratios and the goals', () => {
    const lines = formatComparison(phase({}), phase({ phase: 'adversarial', requestsPerSecond: 80, p50: 15, p99: 100, healthz: { count: 150, p50: 2, p99: 30, max: 60, failures: { ECONNRESET: 1 } }, eventLoop: { samples: 1900, p50: 0.6, p99: 60, maxBound: 200, mean: 2 } }));
    expect(lines[0]).toMatch(/^\s+calm\s+adversarial\s+ratio$/);
    expect(lines.find((l) => l.startsWith('well-behaved p50 ms'))).toMatch(/10\.0\s+15\.0\s+1\.50x$/);
    expect(lines.find((l) => l.startsWith('well-behaved p99 ms'))).toMatch(/40\.0\s+100\.0\s+2\.50x$/);
    expect(lines.find((l) => l.startsWith('/healthz failed'))).toMatch(/0\s+1$/);
    expect(lines.find((l) => l.startsWith('event-loop delay max ms'))).toMatch(/<=20\s+<=200$/);
    expect(lines.slice(-3)).toEqual([
      'goal: well-behaved p99 under attack at most 3x the calm p99: met (2.50x)',
      'goal: 0 errors for the well-behaved clients: met (calm 0, adversarial 0)',
      'goal: event-loop delay p99 under 50 ms: MISSED (calm 8.0 ms, adversarial 60.0 ms)',
    ]);
  });

  it('says the delay was not measured when /metrics is missing', () => {
    const missing = { missing: 'GET /metrics answered 404: the API has no metrics' };
    const lines = formatComparison(phase({ eventLoop: missing }), phase({ phase: 'adversarial', p99: 200, errors: 2, eventLoop: missing }));
    expect(lines.find((l) => l.startsWith('event-loop delay p99 ms'))).toMatch(/n\/a\s+n\/a\s+n\/a$/);
    expect(lines.slice(-3)).toEqual([
      'goal: well-behaved p99 under attack at most 3x the calm p99: MISSED (5.00x)',
      'goal: 0 errors for the well-behaved clients: MISSED (calm 0, adversarial 2)',
      'goal: event-loop delay p99 under 50 ms: not measured',
    ]);
  });

  it('lists the attackers\' answers by status and code', () => {
    const table = formatAttackTable(new Map([['simulateChange x30', { sent: 3, latencies: [900, 1200], statuses: { '200': 1, '429': 1, 'no answer': 1 }, codes: { RATE_LIMITED: 1 } }]]));
    expect(table).toHaveLength(2);
    expect(table[1]).toMatch(/^simulateChange x30\s+3\s+2\s+900\s+1200\s+1200  HTTP 200 1, 429 1, no answer 1; RATE_LIMITED 1$/);
  });
});
