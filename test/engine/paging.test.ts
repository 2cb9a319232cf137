import { connection, coveringPage, cut, decodeCursor, encodeCursor, itemsOf, pageOf } from '../../src/engine/paging';
import { InputError } from '../../src/errors';

const BOUNDS = { min: 1, max: 500, fallback: 50 };

describe('paging', () => {
  it('turns first/after into a page: the default, the offset after the cursor', () => {
    expect(pageOf({}, BOUNDS)).toEqual({ skip: 0, limit: 50 });
    expect(pageOf({ first: 7, after: encodeCursor(19) }, BOUNDS)).toEqual({ skip: 20, limit: 7 });
    expect(pageOf({ first: null, after: null }, BOUNDS)).toEqual({ skip: 0, limit: 50 });
  });

  it('refuses first outside its bounds and anything but a cursor as after', () => {
    expect(() => pageOf({ first: 0 }, BOUNDS)).toThrow(new InputError('first must be from 1 to 500, got 0'));
    expect(() => pageOf({ first: 501 }, BOUNDS)).toThrow('first must be from 1 to 500, got 501');
    expect(() => pageOf({ after: 'b2Zmc2V0Oi0x' }, BOUNDS)).toThrow('after must be a cursor from a previous page, got "b2Zmc2V0Oi0x"');
    expect(() => decodeCursor('x'.repeat(300))).toThrow(`got "${'x'.repeat(100)}"`);
  });

  it('round-trips a cursor', () => {
    for (const n of [0, 1, 999_999_999]) expect(decodeCursor(encodeCursor(n))).toBe(n);
  });

  it('covers the pages of all aliases with one range', () => {
    expect(coveringPage([])).toBeNull();
    expect(coveringPage([{ skip: 10, limit: 5 }, { skip: 2, limit: 3 }])).toEqual({ skip: 2, limit: 13 });
  });

  it('cuts a page out of a fetched slice, and says when the page was not fetched', () => {
    const slice = { offset: 10, items: ['k', 'l', 'm', 'n'] };
    expect(itemsOf(slice, { skip: 11, limit: 2 })).toEqual(['l', 'm']);
    expect(itemsOf(slice, { skip: 13, limit: 5 })).toEqual(['n']);
    expect(() => itemsOf(slice, { skip: 9, limit: 1 })).toThrow('page from 9 was not fetched (fetched from 10)');
  });

  it('gives each node of a page its cursor, and the page info', () => {
    expect(connection(['a', 'b'], 5, true)).toEqual({
      edges: [
        { cursor: encodeCursor(5), node: 'a' },
        { cursor: encodeCursor(6), node: 'b' },
      ],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(6) },
    });
    expect(connection([], 5, false)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('cuts a list at its bound', () => {
    expect(cut([1, 2, 3], 2)).toEqual([1, 2]);
    const all = [1, 2];
    expect(cut(all, 5)).toEqual([1, 2]);
    expect(cut(all, 5)).not.toBe(all);
  });
});
