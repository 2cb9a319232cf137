import { GraphQLError } from 'graphql';
import { AppError, ConflictError, createFormatError, InputError, NotFoundError } from '../src/errors';

const asResolverError = (original: Error): GraphQLError => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatError', () => {
  const masked: unknown[] = [];
  const format = createFormatError({ exposeDetails: false, onMasked: (e) => masked.push(e) });

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

  it('shows the detail of a masked error only outside production', () => {
    const dev = createFormatError({ exposeDetails: true });
    const e = asResolverError(new Error('details'));
    expect(dev({ message: 'details' }, e).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', detail: 'details' });
  });

  it('passes request errors such as validation failures unchanged', () => {
    const formatted = { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(formatted, new GraphQLError(formatted.message))).toBe(formatted);
  });
});
