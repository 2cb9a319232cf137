import { graphql, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, parseValue, valueFromAST } from 'graphql';
import { PropertiesScalar, toPropMap } from '../../src/curation/propertiesScalar';
import { InputError } from '../../src/errors';

/** The InputError `fn` throws, or a failure when it throws none. */
function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('toPropMap', () => {
  it('takes text, finite numbers, booleans and lists of texts or of numbers', () => {
    const value = { license: 'EUPL-1.2', order: 3, share: 0.5, negative: -2, oss: false, tags: ['a', 'b'], years: [2024, 2025.5], none: [] };
    expect(toPropMap(value)).toEqual(value);
    expect(toPropMap({})).toEqual({});
  });

  it('refuses what is not a JSON object', () => {
    for (const v of [null, undefined, 'text', 3, ['a']]) {
      expect(inputErrorOf(() => toPropMap(v)).message).toBe(`Properties must be a JSON object such as {"license": "EUPL-1.2"}, got ${JSON.stringify(v)}`);
    }
  });

  it('refuses nested objects, mixed or nested lists, null and numbers that are not finite, naming the property', () => {
    const cases: [string, unknown, string][] = [
      ['nested', { a: 1 }, '{"a":1}'],
      ['mixed', ['a', 1], '["a",1]'],
      ['bools', [true, false], '[true,false]'],
      ['deep', [['a']], '[["a"]]'],
      ['nothing', null, 'null'],
      ['inf', Infinity, 'null'],
      ['nan', NaN, 'null'],
      ['listNaN', [1, NaN], '[1,null]'],
    ];
    for (const [k, v, shown] of cases) {
      expect(inputErrorOf(() => toPropMap({ ok: 'x', [k]: v })).message).toBe(
        `Property "${k}" must be text, a number, true/false or a list of texts or numbers, got ${shown}`,
      );
    }
    expect(inputErrorOf(() => toPropMap({ missing: undefined })).message).toBe('Property "missing" must be text, a number, true/false or a list of texts or numbers, got undefined');
  });

  it('refuses property names that are not a letter then letters, digits and _ (at most 64)', () => {
    for (const k of ['', '1st', '_x', 'with-dash', 'with space', 'ä', 'a'.repeat(65)]) {
      expect(inputErrorOf(() => toPropMap({ [k]: 'x' })).message).toBe(`Property names are letters, digits and _ (starting with a letter, at most 64), got "${k}"`);
    }
    expect(toPropMap({ ['a'.repeat(64)]: 'x', camelCase_2: 1 })).toEqual({ ['a'.repeat(64)]: 'x', camelCase_2: 1 });
  });

  it('refuses with the code BAD_USER_INPUT', () => {
    expect(inputErrorOf(() => toPropMap(null))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('PropertiesScalar', () => {
  const literal = (text: string, variables?: Record<string, unknown>): unknown => PropertiesScalar.parseLiteral(parseValue(text), variables);

  it('reads an object literal of every storable kind', () => {
    expect(literal('{license: "EUPL-1.2", order: 3, share: 0.5, oss: true, tags: ["a", "b"], years: [2024, 2025]}')).toEqual({
      license: 'EUPL-1.2',
      order: 3,
      share: 0.5,
      oss: true,
      tags: ['a', 'b'],
      years: [2024, 2025],
    });
    expect(valueFromAST(parseValue('{homepage: "https://x"}'), PropertiesScalar)).toEqual({ homepage: 'https://x' });
  });

  it('refuses literals that are not storable: nested objects, null, enums, mixed lists, non-objects', () => {
    for (const [text, message] of [
      ['{a: {b: 1}}', 'Property "a" must be text, a number, true/false or a list of texts or numbers, got {"b":1}'],
      ['{a: null}', 'Property "a" must be text, a number, true/false or a list of texts or numbers, got undefined'],
      ['{a: SOME_ENUM}', 'Property "a" must be text, a number, true/false or a list of texts or numbers, got undefined'],
      ['{a: ["x", 1]}', 'Property "a" must be text, a number, true/false or a list of texts or numbers, got ["x",1]'],
      ['"text"', 'Properties must be a JSON object such as {"license": "EUPL-1.2"}, got "text"'],
      ['["a"]', 'Properties must be a JSON object such as {"license": "EUPL-1.2"}, got ["a"]'],
    ] as const) {
      expect(inputErrorOf(() => literal(text)).message).toBe(message);
    }
  });

  it('reads a whole variable and checks it', () => {
    expect(literal('$p', { p: { status: 'live', tags: ['x'] } })).toEqual({ status: 'live', tags: ['x'] });
    expect(inputErrorOf(() => literal('$p', { p: { a: { b: 1 } } })).message).toContain('Property "a" must be');
    expect(inputErrorOf(() => literal('$p', {})).message).toBe('Properties must be a JSON object such as {"license": "EUPL-1.2"}, got undefined');
  });

  it('checks values given as variables, and serializes what it is given', () => {
    expect(PropertiesScalar.parseValue({ oss: true })).toEqual({ oss: true });
    expect(() => PropertiesScalar.parseValue([1])).toThrow(InputError);
    const out = { any: 'thing' };
    expect(PropertiesScalar.serialize(out)).toBe(out);
  });

  describe('in a schema', () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          echo: {
            type: PropertiesScalar,
            args: { p: { type: new GraphQLNonNull(PropertiesScalar) } },
            resolve: (_root, args: { p: unknown }) => args.p,
          },
        },
      }),
    });

    it('passes a checked literal and a checked variable to the resolver', async () => {
      expect(await graphql({ schema, source: '{ echo(p: {license: "MIT", tags: ["a"]}) }' })).toEqual({ data: { echo: { license: 'MIT', tags: ['a'] } } });
      expect(await graphql({ schema, source: 'query($p: Properties!) { echo(p: $p) }', variableValues: { p: { order: 2 } } })).toEqual({ data: { echo: { order: 2 } } });
    });

    it('refuses a bad literal and a bad variable with the rule in the message', async () => {
      const literalResult = await graphql({ schema, source: '{ echo(p: {a: {b: 1}}) }' });
      expect(literalResult.data).toBeUndefined();
      expect(literalResult.errors?.map((e) => e.message)).toEqual([
        expect.stringContaining('Property "a" must be text, a number, true/false or a list of texts or numbers, got {"b":1}'),
      ]);
      const variableResult = await graphql({ schema, source: 'query($p: Properties!) { echo(p: $p) }', variableValues: { p: { 'bad-name': 1 } } });
      expect(variableResult.data).toBeUndefined();
      expect(variableResult.errors?.map((e) => e.message)).toEqual([expect.stringContaining('Property names are letters, digits and _ (starting with a letter, at most 64), got "bad-name"')]);
    });
  });
});
