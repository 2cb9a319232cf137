import { describe, expect, it } from '@jest/globals';
import { memoryFor, parseArgs } from '../../bench/args';

describe('parseArgs', () => {
  it('needs --out and defaults to scale 1, runs per phase, both phases', () => {
    expect(parseArgs(['--out', 'r.md'])).toEqual({ out: 'r.md', scale: 1, runs: undefined, seedOnly: false, importRows: 10_000 });
  });

  it('reads every option, also in --name=value form', () => {
    expect(parseArgs(['--out=r.md', '--scale', '0.5', '--runs=7', '--seed-only', '--import-rows', '0'])).toEqual({ out: 'r.md', scale: 0.5, runs: 7, seedOnly: true, importRows: 0 });
    expect(() => parseArgs(['--out', 'r.md', '--import-rows', '-1'])).toThrow(/--import-rows must be a whole number/);
  });

  it('refuses a missing --out, unknown arguments and bad numbers with the usage', () => {
    expect(() => parseArgs([])).toThrow('--out is required');
    expect(() => parseArgs(['--out', 'r.md', '--fast'])).toThrow('unknown argument "--fast"');
    expect(() => parseArgs(['--out', 'r.md', '--runs', '0'])).toThrow('--runs must be a whole number');
    expect(() => parseArgs(['--out', 'r.md', '--scale', 'x'])).toThrow('--scale must be a number');
    expect(() => parseArgs(['--out'])).toThrow('--out needs a value');
    expect(() => parseArgs(['--out', '--seed-only'])).toThrow('usage: npm run bench');
  });
});

describe('memoryFor', () => {
  it('sizes heap and page cache for the scale, smaller for the seed alone', () => {
    expect(memoryFor(1, false, {})).toEqual({ heap: '2g', pageCacheMb: '1024' });
    expect(memoryFor(2, false, {})).toEqual({ heap: '4g', pageCacheMb: '2048' });
    expect(memoryFor(1, true, {})).toEqual({ heap: '1g', pageCacheMb: '256' });
  });

  it('lets NEO4J_HEAP and NEO4J_PAGECACHE_MB win', () => {
    expect(memoryFor(1, false, { heap: '3g', pageCacheMb: '512' })).toEqual({ heap: '3g', pageCacheMb: '512' });
  });
});
