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
    // Every field is listed (for..in: the unread ones are still the prototype's getters).
    const listed: string[] = [];
    for (const k in o) listed.push(k);
    expect(listed.sort()).toEqual(['a', 'b']);
    expect(made).toEqual(['a']);
  });

  it('lets one field read another', () => {
    const o: { base: number[]; derived: number } = lazyFields<{ base: number[]; derived: number }>({ base: () => [1, 2, 3], derived: () => o.base.length });
    expect(o.derived).toBe(3);
  });

  it('keeps the makers of each object apart when objects share their field names', () => {
    const one = lazyFields<{ v: number }>({ v: () => 1 });
    const two = lazyFields<{ v: number }>({ v: () => 2 });
    expect([one.v, two.v, one.v]).toEqual([1, 2, 1]);
    expect(Object.getPrototypeOf(one)).toBe(Object.getPrototypeOf(two));
  });
});
