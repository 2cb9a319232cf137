import { GraphQLError } from 'graphql';
import { AppError, ConflictError, createFormatError, InputError, LimitError, NotFoundError } from '../src/errors';

const asResolverError = (original: Error): GraphQLError => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatError', () => {
  const masked: unknown[] = [];
  const format = createFormatError({ hideSuggestions: false, onMasked: (e) => masked.push(e) });

  beforeEach(() => {
    masked.length = 0;
  });

  it.each([
    [new NotFoundError('No node with id "x"'), 'NOT_FOUND'],
    [new InputError('maxDepth must be from 1 to 10, got 99'), 'BAD_USER_INPUT'],
    [new ConflictError('id taken'), 'CONFLICT'],
  ])('keeps the message and code of %p', (error, code) => {
    const e = asResolverError(error);
    const out = format({ message: e.message, path: ['x'] }, e);
    expect(out).toEqual({ message: error.message, path: ['x'], extensions: { code } });
    expect(masked).toHaveLength(0);
  });

  it('adds the details of a domain error to the extensions', () => {
    const e = asResolverError(new AppError('NOT_FOUND', 'gone', { id: 'c1' }));
    expect(format({ message: 'gone' }, e).extensions).toEqual({ code: 'NOT_FOUND', id: 'c1' });
  });

  it('masks unexpected errors and reports them', () => {
    const boom = new Error('Neo.ClientError.Statement.SyntaxError: secret internals');
    const e = asResolverError(boom);
    const out = format({ message: e.message, path: ['x'] }, e);
    expect(out).toEqual({ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(masked).toEqual([boom]);
  });

  it('shows no detail of a masked error in any mode', () => {
    const dev = createFormatError({ hideSuggestions: false });
    const e = asResolverError(new Error('Neo.ClientError.Procedure.ProcedureCallFailed at /work/x.ts'));
    expect(dev({ message: e.message }, e)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('drops field suggestions when asked to (production)', () => {
    const prod = createFormatError({ hideSuggestions: true });
    const formatted = { message: 'Cannot query field "nam" on type "Component". Did you mean "name"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(prod(formatted, new GraphQLError(formatted.message)).message).toBe('Cannot query field "nam" on type "Component".');
    expect(format(formatted, new GraphQLError(formatted.message)).message).toContain('Did you mean');
  });

  it("passes graphql-js's own argument errors as BAD_USER_INPUT", () => {
    const e = new GraphQLError('Argument "level" of non-null type "String!" must not be null.', { path: ['adoption'] });
    expect(format({ message: e.message, path: ['adoption'] }, e)).toEqual({ message: e.message, path: ['adoption'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('keeps the code and HTTP status of a domain error thrown in a plugin hook', () => {
    const wrapped = new GraphQLError('x', { originalError: new LimitError('DEPTH_LIMIT_EXCEEDED', 'too deep', 12, 15) });
    expect(wrapped.extensions).toEqual({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 12, found: 15, http: { status: 400 } });
    expect(format({ message: 'x' }, wrapped)).toEqual({ message: 'too deep', extensions: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 12, found: 15 } });
  });

  it('passes request errors such as validation failures unchanged', () => {
    const formatted = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(formatted, new GraphQLError(formatted.message))).toBe(formatted);
  });
});
