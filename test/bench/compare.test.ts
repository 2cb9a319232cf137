import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareSignatures, formatDiffs, ordered, unordered, type Signature } from '../../bench/compare';

describe('compareSignatures', () => {
  it('finds nothing when ordered lists are equal and sets hold the same ids in any order', () => {
    expect(compareSignatures({ a: ordered(['x', 'y']), b: unordered(['p', 'q']) }, { a: ordered(['x', 'y']), b: unordered(['q', 'p']) })).toEqual([]);
  });

  it('names the ids only in one of the two', () => {
    const [d] = compareSignatures({ ids: unordered(['a', 'b', 'c']) }, { ids: unordered(['a', 'c', 'd']) });
    expect(d?.key).toBe('ids');
    expect(d?.message).toContain('only in the first: b');
    expect(d?.message).toContain('only in the second: d');
  });

  it('reports the first position where an ordered list differs', () => {
    const [d] = compareSignatures({ ids: ordered(['a', 'b', 'c']) }, { ids: ordered(['a', 'c', 'b']) });
    expect(d?.message).toContain('different order from position 1');
  });

  it('does not care about order for sets', () => {
    expect(compareSignatures({ ids: unordered(['a', 'b']) }, { ids: unordered(['b', 'a']) })).toEqual([]);
  });

  it('counts duplicates: the same set with a repeated id differs', () => {
    expect(compareSignatures({ ids: unordered(['a', 'b']) }, { ids: unordered(['a', 'b', 'b']) })).toHaveLength(1);
  });

  it('reports keys missing on either side', () => {
    const diffs = compareSignatures({ a: ordered([]) }, { b: ordered([]) });
    expect(diffs.map((d) => `${d.key}: ${d.message}`)).toEqual(['a: missing in the answer', 'b: not expected']);
  });

  it('shortens long lists in the message', () => {
    const many = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const [d] = compareSignatures({ ids: unordered(many) }, { ids: unordered([]) });
    expect(d?.message).toContain('(20 in all)');
  });
});

describe('compareSignatures on differing answers', () => {
  it('reports an ordered list that lost, gained or changed a value', () => {
    expect(compareSignatures({ ids: ordered(['a', 'b']) }, { ids: ordered(['a']) })[0]?.message).toBe('2 vs 1 values; only in the first: b; only in the second: (none)');
    expect(compareSignatures({ ids: ordered(['a']) }, { ids: ordered(['a', 'a']) })[0]?.message).toBe('1 vs 2 values; only in the first: (none); only in the second: (none)');
    expect(compareSignatures({ n: ordered(['3']) }, { n: ordered(['4']) })[0]?.message).toBe('1 vs 1 values; only in the first: 3; only in the second: 4');
  });

  it('reports a set whose values are repeated differently although its distinct values and length agree', () => {
    const diffs = compareSignatures({ edges: unordered(['a', 'a', 'b']) }, { edges: unordered(['b', 'a', 'b']) });
    expect(diffs).toEqual([{ key: 'edges', message: 'same values, repeated differently: a ×2 vs ×1, b ×1 vs ×2' }]);
  });

  it('reports every differing key of a whole answer and leaves the agreeing ones out', () => {
    const expected: Signature = { nodes: unordered(['x:Component', 'y:Service']), edges: unordered(['x|USES|y']), count: ordered(['2']) };
    const actual: Signature = { nodes: unordered(['x:Component', 'y:Service']), edges: unordered([]), count: ordered(['3']) };
    expect(compareSignatures(expected, actual).map((d) => d.key)).toEqual(['count', 'edges']);
    expect(formatDiffs('subgraph', 'raw', 'api', compareSignatures(expected, actual))).toBe(
      'subgraph: raw and api disagree\n  count: 1 vs 1 values; only in the first: 2; only in the second: 3\n  edges: 1 vs 0 values; only in the first: x|USES|y; only in the second: (none)',
    );
  });

  const values = fc.array(fc.constantFrom('a', 'b', 'c', '∅'), { maxLength: 6 });
  const sorted = (v: readonly string[]): string[] => [...v].sort();

  it('finds a difference exactly when two ordered lists are not equal', () => {
    fc.assert(
      fc.property(values, values, (x, y) => {
        const same = JSON.stringify(x) === JSON.stringify(y);
        expect(compareSignatures({ k: ordered(x) }, { k: ordered(y) }).length === 0).toBe(same);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a difference exactly when two sets do not hold the same values as many times each', () => {
    fc.assert(
      fc.property(values, values, (x, y) => {
        const same = JSON.stringify(sorted(x)) === JSON.stringify(sorted(y));
        expect(compareSignatures({ k: unordered(x) }, { k: unordered(y) }).length === 0).toBe(same);
      }),
      { numRuns: 500 },
    );
  });

  it('is symmetric on whole signatures with the same keys, and finds nothing in a signature compared with itself', () => {
    const entries = fc.array(fc.record({ key: fc.constantFrom('p', 'q', 'r', 's'), ordered: fc.boolean(), x: values, y: values }), { maxLength: 4 });
    fc.assert(
      fc.property(entries, (list) => {
        const x: Signature = Object.fromEntries(list.map((e) => [e.key, { ordered: e.ordered, values: e.x }]));
        const y: Signature = Object.fromEntries(list.map((e) => [e.key, { ordered: e.ordered, values: e.y }]));
        expect(compareSignatures(x, x)).toEqual([]);
        expect(compareSignatures(x, y).map((d) => d.key)).toEqual(compareSignatures(y, x).map((d) => d.key));
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatDiffs', () => {
  it('heads the lines with the query and the two targets', () => {
    expect(formatDiffs('search', 'raw', 'api', [{ key: 'hits', message: 'm' }])).toBe('search: raw and api disagree\n  hits: m');
  });
});
