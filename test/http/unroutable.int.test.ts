import { rawRequest, startApi, type RunningApi } from '../support/http';

/** Request targets Express's router cannot read at all still get a JSON answer (found by the flood test, seed 230146466). */
describe('unroutable request targets', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.stop();
  });

  it.each(['//graphql?@#', '//x', '//graphql'])('answers GET %s with a JSON 404, not an HTML page', async (path) => {
    const answer = await rawRequest(api.origin, { method: 'GET', path, headers: { 'apollo-require-preflight': 'true' } }, false);
    expect(answer.status).toBe(404);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.text).not.toMatch(/<html/i);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'not found' });
  });

  it('still routes ordinary requests (a GraphQL GET and an unknown path)', async () => {
    const ok = await rawRequest(api.origin, { method: 'GET', path: '/graphql?query=%7B__typename%7D', headers: { 'apollo-require-preflight': 'true' } }, false);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ data: { __typename: 'Query' } });
    const missing = await rawRequest(api.origin, { method: 'GET', path: '/nope', headers: {} }, false);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ error: 'not found', path: '/nope' });
  });
});
