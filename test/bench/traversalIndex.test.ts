import { describe, expect, it } from '@jest/globals';
import { GraphQLRequestError } from '../../bench/http';
import { readTraversalIndex, TRAVERSAL_INDEX_QUERY } from '../../bench/traversalIndex';

describe('readTraversalIndex', () => {
  it('asks about { traversalIndex } for its version, size, memory and build time', async () => {
    const asked: string[] = [];
    const status = await readTraversalIndex(async (r) => {
      asked.push(r.query);
      return { about: { traversalIndex: { version: 7, nodes: 7289, relationships: 19392, bytes: 3_145_728, buildMs: 412.5 } } };
    });
    expect(asked).toEqual([TRAVERSAL_INDEX_QUERY.query]);
    expect(status).toEqual({ available: true, index: { version: '7', nodes: 7289, relationships: 19392, bytes: 3_145_728, buildMs: 412.5 } });
  });

  it('says "not available" when the schema has no such field (a validation error)', async () => {
    const status = await readTraversalIndex(async () => {
      throw new GraphQLRequestError('answered HTTP 400 with errors: GRAPHQL_VALIDATION_FAILED: Cannot query field "traversalIndex" on type "About".', 400, ['GRAPHQL_VALIDATION_FAILED']);
    });
    expect(status).toEqual({ available: false, reason: 'not available (the API has no about.traversalIndex)' });
  });

  it('names any other failure, and tells a null index apart', async () => {
    const failed = await readTraversalIndex(async () => {
      throw new Error('ECONNREFUSED');
    });
    expect(failed).toEqual({ available: false, reason: 'not available: ECONNREFUSED' });
    expect(await readTraversalIndex(async () => ({ about: { traversalIndex: null } }))).toEqual({ available: true, index: null });
  });
});
