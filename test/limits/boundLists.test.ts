import { describe, expect, it } from '@jest/globals';
import { boundLists } from '../../src/limits/boundLists';

describe('boundLists', () => {
  const info = { fieldName: 'items' } as never;

  it('cuts what a resolver returns, sync or async, and leaves shorter lists and other values alone', async () => {
    const r = boundLists({ T: { items: () => [1, 2, 3, 4], later: async () => [1, 2, 3], few: () => [1], none: () => null } }, { 'T.items': 2, 'T.later': 2, 'T.few': 2, 'T.none': 2 });
    const call = (f: unknown): unknown => (f as (...a: unknown[]) => unknown)({}, {}, {}, info);
    expect(call(r.T.items)).toEqual([1, 2]);
    await expect(call(r.T.later)).resolves.toEqual([1, 2]);
    expect(call(r.T.few)).toEqual([1]);
    expect(call(r.T.none)).toBeNull();
  });

  it('reads the parent property when the field has no resolver of its own', () => {
    const r = boundLists({} as Record<string, Record<string, unknown>>, { 'U.items': 3 });
    expect((r.U!.items as (...a: unknown[]) => unknown)({ items: [1, 2, 3, 4, 5] }, {}, {}, info)).toEqual([1, 2, 3]);
  });
});
