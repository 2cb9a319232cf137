import { lazyFields } from '../src/lazyFields';

describe('lazyFields', () => {
  it('makes each field on first read, once, and never the ones not read', () => {
    const made: string[] = [];
    const o = lazyFields<{ a: { n: number }; b: { n: number } }>({
      a: () => (made.push('a'), { n: 1 }),
      b: () => (made.push('b'), { n: 2 }),
    });
    expect(made).toEqual([]);
    const first = o.a;
    expect(o.a).toBe(first);
    expect(first.n).toBe(1);
    expect(made).toEqual(['a']);
    expect(Object.keys(o)).toEqual(['a', 'b']);
    expect(made).toEqual(['a']);
  });

  it('lets one field read another', () => {
    const o: { base: number[]; derived: number } = lazyFields<{ base: number[]; derived: number }>({ base: () => [1, 2, 3], derived: () => o.base.length });
    expect(o.derived).toBe(3);
  });
});
