import { InputError } from '../../src/errors';
import { checkLabels, checkRange, decodeCursor, encodeCursor, luceneQuery } from '../../src/graph/validate';

describe('argument checks', () => {
  it('accepts values in range and the default', () => {
    expect(checkRange('maxDepth', undefined, 1, 10, 6)).toBe(6);
    expect(checkRange('maxDepth', 10, 1, 10, 6)).toBe(10);
  });

  it.each([0, 11, 2.5])('refuses maxDepth %p with BAD_USER_INPUT restating the rule', (v) => {
    expect(() => checkRange('maxDepth', v, 1, 10, 6)).toThrow(new InputError(`maxDepth must be from 1 to 10, got ${v}`));
  });

  it('round-trips cursors and refuses foreign ones', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => decodeCursor('bm9wZQ==')).toThrow('after must be a cursor from a previous page');
  });

  it('checks label names', () => {
    expect(checkLabels('types', ['Service'])).toEqual(['Service']);
    expect(checkLabels('types', [])).toBeNull();
    expect(() => checkLabels('types', ['Service', 'Widget'])).toThrow(/got Widget/);
  });

  it('escapes Lucene syntax and adds a prefix query for a single word', () => {
    expect(luceneQuery('Wohn')).toBe('Wohn OR Wohn*');
    expect(luceneQuery('FIT-Connect (REST)')).toBe('FIT\\-Connect \\(REST\\)');
    expect(() => luceneQuery('  ')).toThrow('text must not be empty');
    expect(luceneQuery('AND')).toBe('and OR and*');
    expect(() => decodeCursor(Buffer.from('offset:2147483647').toString('base64'))).toThrow('after must be a cursor from a previous page');
    expect(decodeCursor(encodeCursor(999_999_999))).toBe(999_999_999);
    expect(luceneQuery('Wohngeld AND NOT Bafög')).toBe('Wohngeld and not Bafög');
    expect(luceneQuery('a&&b || c')).toBe('a\\&\\&b \\|\\| c');
    expect(() => luceneQuery('x'.repeat(201))).toThrow('at most 200 characters, got 201');
    expect(() => luceneQuery(Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '))).toThrow('at most 16 words, got 17');
  });
});
