import { describe, expect, it } from '@jest/globals';
import { compareSignatures, formatDiffs, ordered, unordered } from '../../bench/compare';

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

describe('formatDiffs', () => {
  it('heads the lines with the query and the two targets', () => {
    expect(formatDiffs('search', 'raw', 'api', [{ key: 'hits', message: 'm' }])).toBe('search: raw and api disagree\n  hits: m');
  });
});
