import { describe, expect, it } from '@jest/globals';
import { buildMix, errorCodes, formatTable, parseProcStat, parseProcStatus, percentile, pickWeighted, summarize } from '../../scripts/loadtest';

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
    expect(overall).toEqual({ name: 'overall', weight: 100, sent: 4, count: 4, p50: 2, p99: 10, non2xx: 1, codes: { QUERY_TIMEOUT: 1 } });
    const table = formatTable([summarize('a', 75, [a]), summarize('b', 25, [b])], overall, new Map([['a', 123]]));
    expect(table).toHaveLength(4);
    expect(table[1]).toMatch(/^a\s+75\s+123\s+3\s+75%\s+3\s+2\.0\s+3\.0\s+0  none$/);
    expect(table[3]).toMatch(/^overall .* QUERY_TIMEOUT 1$/);
  });
});
