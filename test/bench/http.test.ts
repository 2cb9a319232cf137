import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeHttpAgent, GraphQLRequestError, postGraphQL } from '../../bench/http';

describe('postGraphQL', () => {
  let server: http.Server;
  let url: string;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const { query } = JSON.parse(body) as { query: string };
        if (query === '{ bad }') {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'Cannot query field "bad"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
        } else if (query === '{ html }') {
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end('<html>bad gateway</html>');
        } else {
          res.writeHead(200, { 'content-type': 'application/json', 'x-dstack-cache': 'hit' });
          res.end(JSON.stringify({ data: { ok: true } }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    closeHttpAgent();
    await new Promise((r) => server.close(r));
  });

  it('resolves with data, hands over the headers and sends no-cache only when asked', async () => {
    let header: unknown;
    await expect(postGraphQL(url, { query: '{ ok }', variables: {} }, { onHeaders: (h) => (header = h['x-dstack-cache']) })).resolves.toEqual({ ok: true });
    expect(header).toBe('hit');
    await postGraphQL(url, { query: '{ ok }', variables: {} }, { noCache: true });
    expect(seen.map((h) => h['cache-control'])).toEqual([undefined, 'no-cache']);
  });

  it('rejects with the status and the codes of the GraphQL errors', async () => {
    const e = (await postGraphQL(url, { query: '{ bad }', variables: {} }).catch((x: unknown) => x)) as GraphQLRequestError;
    expect(e).toBeInstanceOf(GraphQLRequestError);
    expect(e.status).toBe(400);
    expect(e.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(e.message).toContain('GRAPHQL_VALIDATION_FAILED: Cannot query field "bad"');
    const html = (await postGraphQL(url, { query: '{ html }', variables: {} }).catch((x: unknown) => x)) as GraphQLRequestError;
    expect(html).toMatchObject({ status: 502, codes: [] });
    expect(html.message).toContain('with no JSON');
  });
});
