import { describe, expect, it } from '@jest/globals';
import { evaluateGoals, fmtInt, fmtMiB, fmtMs, fmtRatio, perSecond, renderReport, table, traversalIndexLine, type BenchReport, type PhaseResult, type QueryRow } from '../../bench/report';
import { summarize } from '../../bench/stats';

const row = (key: string, label: string, api: number, raw: number, peer: number): QueryRow => ({
  key,
  label,
  title: key,
  figures: { api: summarize([api]), raw: summarize([raw]), peer: summarize([peer]) },
});

const phase = (rows: QueryRow[], defaultScale = false): PhaseResult => ({ name: 'seed graph', defaultScale, nodes: 10, relationships: 20, runs: 1, warmup: 0, picks: ['hub: x'], rows, failures: 0 });

describe('formatting', () => {
  it('formats milliseconds, ratios and counts', () => {
    expect(fmtMs(1.234)).toBe('1.23');
    expect(fmtMs(123.45)).toBe('123.5');
    expect(fmtMs(12345.6)).toBe('12,346');
    expect(fmtMs(NaN)).toBe('–');
    expect(fmtRatio(1.5)).toBe('1.50x');
    expect(fmtRatio(NaN)).toBe('–');
    expect(fmtInt(1234567.4)).toBe('1,234,567');
    expect(perSecond(50, 1000)).toBe(50);
    expect(fmtMiB(3 * 1024 * 1024 + 100_000)).toBe('3.1 MiB');
  });

  it('draws a Markdown table with escaped pipes', () => {
    expect(table(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});

describe('evaluateGoals', () => {
  it('judges the goals of the issue: peer, raw, hub impact at the default scale, repeated read, bulk load', () => {
    const rows = [row('hubImpact', '1', 250, 200, 300), row('search', '6', 20, 10, 15), row('repeatedRead', 'r', 1.5, 1, 2)];
    const fast = evaluateGoals([phase([row('hubImpact', '1', 90, 200, 300), row('repeatedRead', 'r', 0.8, 1, 2), row('httpFloor', '0', 1.7, 5, 1.8)], true)], []);
    expect(fast.filter((g) => g.met !== null && !g.goal.startsWith('bulk')).map((g) => [g.goal, g.met])).toEqual([
      ['API faster than the peer at p50 on every query', true],
      ['API within 1.5x of raw Cypher at p50', true],
      ['hub impact (summary + first 100 services) under 100 ms p50 at the default scale (300 ms at most)', true],
      ['repeated read under 1 ms p50', true],
      ["HTTP floor no slower than the peer's at p50", true],
    ]);
    const goals = evaluateGoals([phase(rows, true)], [
      { name: 'seed', bulk: false, nodes: 1, relationships: 10, ms: 1000 },
      { name: 'generator (scale 1)', bulk: true, nodes: 1, relationships: 100_000, ms: 1000 },
    ]);
    expect(goals.map((g) => [g.goal, g.met])).toEqual([
      ['API faster than the peer at p50 on every query', false],
      ['API within 1.5x of raw Cypher at p50', false],
      ['hub impact (summary + first 100 services) under 100 ms p50 at the default scale (300 ms at most)', false],
      ['repeated read under 1 ms p50', false],
      ['bulk load at least 50,000 relationships/s', true],
    ]);
    expect(goals[0]?.value).toBe('slower on 6 (20.0 vs 15.0 ms)');
    expect(goals[1]?.value).toBe('over on 6 (2.00x)');
  });

  it('leaves the HTTP floor out of the goals on every query, and judges it on its own', () => {
    const goals = evaluateGoals([phase([row('httpFloor', '0', 5, 1, 2), row('search', '6', 10, 10, 15)])], []);
    expect(goals.find((g) => g.goal.startsWith('HTTP floor'))).toMatchObject({ value: '5.00 vs 2.00 ms', met: false });
    expect(goals.find((g) => g.goal.startsWith('API faster'))).toMatchObject({ value: 'all 1 compared queries', met: true });
    const failed = evaluateGoals([phase([row('search', '6', 10, 10, 15), row('componentList', '3', 700, 500, NaN)])], []);
    expect(failed.find((g) => g.goal.startsWith('API faster'))).toMatchObject({ value: 'all 1 compared queries; the peer failed 3', met: true });
    expect(goals.find((g) => g.goal.startsWith('API within'))).toMatchObject({ value: 'worst 1.00x', met: true });
  });

  it('does not judge hub impact off the default scale, nor the bulk load without the generator', () => {
    const goals = evaluateGoals([phase([row('hubImpact', '1', 500, 400, 600)])], [{ name: 'seed', bulk: false, nodes: 1, relationships: 1, ms: 1 }]);
    expect(goals.find((g) => g.goal.startsWith('hub impact'))?.met).toBeNull();
    expect(goals.find((g) => g.goal.startsWith('bulk load'))).toEqual({ goal: 'bulk load at least 50,000 relationships/s', phase: '–', value: 'the generator did not run', met: null });
  });
});

const report = (phases: PhaseResult[]): BenchReport => ({
  startedAt: '2026-01-01T00:00:00Z',
  command: 'npm run bench -- --out r.md',
  machine: { cpus: 2, model: 'CPU', ramGb: 8, node: 'v20', platform: 'linux', loadAverage: '0.1' },
  neo4j: { version: '5.26', mode: 'embedded', heap: '1g', pageCache: '256 MiB' },
  mix: [],
  phases,
  loads: [],
  goals: [],
  notes: [],
});

describe('renderReport', () => {
  it('has the machine, the mix, a table per phase with ratios, the loads and the goals', () => {
    const md = renderReport({
      startedAt: '2026-01-01T00:00:00Z',
      command: 'npm run bench -- --out r.md',
      machine: { cpus: 2, model: 'CPU', ramGb: 8, node: 'v20', platform: 'linux', loadAverage: '0.1' },
      neo4j: { version: '5.26', mode: 'embedded', heap: '1g', pageCache: '256 MiB' },
      mix: [{ label: '1', title: 'impact', api: '{ a }', peer: '{ c }', rawFile: 'bench/raw/impact.cypher', raw: 'RETURN 1' }],
      phases: [phase([row('hubImpact', '1', 30, 20, 60)])],
      loads: [{ name: 'seed', bulk: false, nodes: 10, relationships: 20, ms: 1000 }],
      goals: [{ goal: 'g', phase: 'p', value: 'v', met: false }],
      notes: ['n'],
    });
    expect(md).toContain('| 2 | CPU | 8 GB | v20 |');
    expect(md).toContain('- a (API): `{ a }`');
    expect(md).toContain('```cypher\nRETURN 1\n```');
    expect(md).toContain('## seed graph: 10 nodes, 20 relationships');
    expect(md).toContain('| 1 | hubImpact | 30.0 | 30.0 | 33 | 20.0 | 20.0 | 50 | 60.0 | 60.0 | 17 | 1.50x | 0.50x |');
    expect(md).toContain('| seed | 10 | 20 | 1,000 | 30 | 20 |');
    expect(md).toContain('| g | p | v | missed |');
    expect(md).toContain('## Notes\n\n- n');
  });

  it('shows the floor, the event-loop delay, the repeated reads per query and the traversal index of each phase', () => {
    const p: PhaseResult = {
      ...phase([row('httpFloor', '0', 1.5, 0.5, 2.5), row('search', '6', 20, 10, 15)]),
      eventLoop: { p50: 0.12, p99: 7.5, max: 41.3, mean: 0.4, samples: 3012, resolutionMs: 10 },
      repeatedReads: [
        { key: 'search', label: '6', title: 'search', status: 'hit', header: 'hit', figures: summarize([1.1, 1.3]) },
        { key: 'compliance', label: '7', title: 'compliance', status: 'not cached', header: 'bypass', figures: summarize([]) },
      ],
      traversalIndex: { available: false, reason: 'not available (the API has no about.traversalIndex)' },
    };
    const md = renderReport(report([p, { ...phase([]), name: 'generated graph, scale 1', traversalIndex: { available: true, index: { version: '3', nodes: 268_690, relationships: 1_293_982, bytes: 52_428_800, buildMs: 1834 } } }]));
    expect(md).toContain('| 0 | httpFloor | 1.50 | 1.50 | 667 | 0.50 | 0.50 | 2,000 | 2.50 | 2.50 | 400 | 3.00x | 0.60x |');
    expect(md).toContain('Event-loop delay during the timed runs: p50 0.12 ms, p99 7.50 ms, max 41.3 ms (3,012 samples of a 10 ms timer');
    expect(md).toContain('2 timed reads each');
    expect(md).toContain('| # | query | x-dstack-cache | p50 | p95 | req/s | computed a p50 |');
    expect(md).toContain('| 6 | search | hit | 1.10 | 1.30 | 833 | 20.0 |');
    expect(md).toContain('| 7 | compliance | not cached (bypass) | – | – | – | – |');
    expect(md).toContain('## Traversal index');
    expect(md).toContain('- seed graph: not available (the API has no about.traversalIndex)');
    expect(md).toContain('- generated graph, scale 1: version 3, 268,690 nodes, 1,293,982 relationships, 50.0 MiB, built in 1,834 ms');
  });

  it('leaves the new parts out when a phase did not measure them', () => {
    const md = renderReport(report([phase([row('search', '6', 20, 10, 15)])]));
    expect(md).not.toContain('Event-loop delay');
    expect(md).not.toContain('Repeated reads');
    expect(md).not.toContain('## Traversal index');
  });
});

describe('traversalIndexLine', () => {
  it('tells a null index apart', () => {
    expect(traversalIndexLine({ available: true, index: null })).toBe('none built (about.traversalIndex is null)');
  });
});
