import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { timeRepeatedReads, type RepeatedQuery } from '../../bench/repeated';

const query = (key: string): RepeatedQuery => ({ key, label: key, title: `title ${key}`, request: { query: `{ ${key} }`, variables: {} } });

/** A fake API: answers with the headers `answers(key, call)` names, each call 1 ms on a fake clock. */
function fakeApi(answers: (key: string, call: number) => IncomingHttpHeaders | Error) {
  let clock = 0;
  const calls = new Map<string, number>();
  return {
    now: () => clock,
    calls,
    post: async (request: { query: string }, onHeaders: (h: IncomingHttpHeaders) => void): Promise<unknown> => {
      const key = request.query.slice(2, -2);
      const n = calls.get(key) ?? 0;
      calls.set(key, n + 1);
      clock += 1;
      const a = answers(key, n);
      if (a instanceof Error) throw a;
      onHeaders(a);
      return {};
    },
  };
}

describe('timeRepeatedReads', () => {
  it('warms once, then times every read the response cache answered', async () => {
    const api = fakeApi((_k, call) => ({ 'x-dstack-cache': call === 0 ? 'miss' : 'hit' }));
    const [r] = await timeRepeatedReads([query('a')], api.post, 5, { now: api.now });
    expect(r).toMatchObject({ key: 'a', status: 'hit', header: 'hit' });
    expect(r?.figures).toMatchObject({ n: 5, p50: 1, p95: 1 });
    expect(api.calls.get('a')).toBe(6);
  });

  it('says "not cached" with what the header said, and gives no figures, when an answer did not come from the cache', async () => {
    const api = fakeApi((k, call) => (k === 'b' ? {} : { 'x-dstack-cache': k === 'c' && call === 3 ? 'miss' : call === 0 ? 'miss' : 'hit' }));
    const [a, b, c] = await timeRepeatedReads([query('a'), query('b'), query('c')], api.post, 4, { now: api.now });
    expect(a?.status).toBe('hit');
    expect(b).toMatchObject({ status: 'not cached', header: '(no header)' });
    expect(b?.figures.n).toBe(0);
    expect(c).toMatchObject({ status: 'not cached', header: 'miss' });
    expect(c?.figures.n).toBe(0);
    expect(api.calls.get('b')).toBe(2);
  });

  it('reports a failing request, and leaves out the queries it is told to skip', async () => {
    const api = fakeApi((k) => (k === 'a' ? new Error('QUERY_TIMEOUT') : { 'x-dstack-cache': 'hit' }));
    const [a, b] = await timeRepeatedReads([query('a'), query('b')], api.post, 2, { now: api.now, skip: new Set(['b']) });
    expect(a).toMatchObject({ status: 'failed', header: 'QUERY_TIMEOUT' });
    expect(b).toMatchObject({ status: 'not run' });
    expect(api.calls.has('b')).toBe(false);
  });
});
