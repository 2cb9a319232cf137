import { mergeResolvers } from '../src/resolvers';

describe('mergeResolvers', () => {
  it('merges the fields of each type', () => {
    const a = () => 1;
    const b = () => 2;
    expect(mergeResolvers({ Query: { about: a } } as never, { Query: { other: b } } as never)).toEqual({ Query: { about: a, other: b } });
  });

  it('refuses a field defined twice', () => {
    expect(() => mergeResolvers({ Query: { about: () => 1 } } as never, { Query: { about: () => 2 } } as never)).toThrow('resolver Query.about is defined twice');
  });
});
