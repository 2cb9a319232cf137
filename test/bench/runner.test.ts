import { describe, expect, it } from '@jest/globals';
import { ordered } from '../../bench/compare';
import type { MixParams, MixQuery } from '../../bench/mix';
import { pairKey, REPEATED_READ, rotation, timeMix, verifyMix, type TargetName } from '../../bench/runner';

const params: MixParams = { hub: 'h', mid: 'm', nodeId: 'n', subgraphId: 's', serviceId: 'v', searchText: 'w', today: '2026-01-01' };

/** A query whose every target answers { ids } and whose signature is those ids in order. */
function fakeQuery(key: string): MixQuery {
  const sig = (d: unknown) => ({ ids: ordered((d as { ids: string[] }).ids) });
  return {
    key,
    title: key,
    api: () => ({ query: '', variables: {} }),
    peer: () => ({ query: '', variables: {} }),
    raw: key,
    rawParams: () => ({}),
    signature: { api: sig, peer: sig, raw: (rows) => sig(rows) },
  };
}

describe('rotation', () => {
  it('puts each target first once in three iterations, shifted per query', () => {
    expect(rotation(0, 0)).toEqual(['api', 'raw', 'peer']);
    expect(rotation(1, 0)).toEqual(['raw', 'peer', 'api']);
    expect(rotation(2, 0)).toEqual(['peer', 'api', 'raw']);
    expect(rotation(0, 1)).toEqual(['raw', 'peer', 'api']);
    const firsts = [0, 1, 2].map((i) => rotation(i, 5)[0]);
    expect(new Set(firsts).size).toBe(3);
  });
});

describe('verifyMix', () => {
  it('passes when all three agree and names the target that differs otherwise', async () => {
    const q = fakeQuery('q');
    const same = async (): Promise<unknown> => ({ ids: ['a', 'b'] });
    await expect(verifyMix([q], params, same)).resolves.toEqual([]);
    const peerDiffers = async (t: TargetName): Promise<unknown> => ({ ids: t === 'peer' ? ['b', 'a'] : ['a', 'b'] });
    const [m, ...rest] = await verifyMix([q], params, peerDiffers);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ query: 'q', target: 'peer', kind: 'diff' });
    expect(m?.text).toContain('q: raw and peer disagree');
  });

  it('hands each query its signatures in the order of the mix, without the target that failed', async () => {
    const seen: [string, string[]][] = [];
    const exec = async (t: TargetName, q: MixQuery): Promise<unknown> => {
      if (q.key === 'q2' && t === 'peer') throw new Error('down');
      return { ids: [q.key] };
    };
    const out = await verifyMix([fakeQuery('q1'), fakeQuery('q2')], params, exec, (query, sigs) => seen.push([query, Object.keys(sigs).sort()]));
    expect(seen).toEqual([
      ['q1', ['api', 'peer', 'raw']],
      ['q2', ['api', 'raw']],
    ]);
    expect(out.map((m) => `${m.query}:${m.target}:${m.kind}`)).toEqual(['q2:peer:error']);
  });

  it('does not compare a query whose raw baseline failed (the servers cannot be judged)', async () => {
    const exec = async (t: TargetName): Promise<unknown> => {
      if (t === 'raw') throw new Error('syntax error');
      return { ids: t === 'api' ? ['a'] : ['b'] };
    };
    expect((await verifyMix([fakeQuery('q')], params, exec)).map((m) => `${m.target}:${m.kind}`)).toEqual(['raw:error']);
  });

  it('reports a failing target as a mismatch instead of stopping', async () => {
    const failing = async (t: TargetName): Promise<unknown> => {
      if (t === 'api') throw new Error('COST_LIMIT_EXCEEDED');
      return { ids: [] };
    };
    const out = await verifyMix([fakeQuery('q1'), fakeQuery('q2')], params, failing);
    expect(out.map((m) => m.text)).toEqual(['q1: api failed: COST_LIMIT_EXCEEDED', 'q2: api failed: COST_LIMIT_EXCEEDED']);
    expect(out.map((m) => `${m.kind}:${m.target}`)).toEqual(['error:api', 'error:api']);
  });
});

describe('timeMix', () => {
  it('times runs after the warm-up, every target per query, and the second of two reads for the repeated row', async () => {
    let clock = 0;
    const calls: string[] = [];
    const cacheable: boolean[] = [];
    const exec = async (t: TargetName, q: MixQuery, _p: MixParams, c: boolean): Promise<unknown> => {
      calls.push(`${q.key}:${t}`);
      cacheable.push(c);
      clock += t === 'api' ? 1 : t === 'raw' ? 2 : 3;
      return {};
    };
    const a = fakeQuery('a');
    const timings = await timeMix([a, fakeQuery('b')], params, exec, { runs: 4, warmup: 2, repeated: a, now: () => clock });
    expect(timings.a).toEqual({ api: [1, 1, 1, 1], raw: [2, 2, 2, 2], peer: [3, 3, 3, 3] });
    expect(timings[REPEATED_READ]?.api).toEqual([1, 1, 1, 1]);
    // 6 iterations x (2 queries x 3 targets + repeated 2 x 3 targets)
    expect(calls).toHaveLength(6 * (6 + 6));
    expect(calls.slice(0, 3)).toEqual(['a:api', 'a:raw', 'a:peer']);
    expect(calls.slice(12, 15)).toEqual(['a:raw', 'a:peer', 'a:api']);
    // Only the repeated read may be answered from a cache: 6 of the 12 calls per iteration.
    expect(cacheable.filter(Boolean)).toHaveLength(6 * 6);
    expect(cacheable.slice(0, 6)).toEqual([false, false, false, false, false, false]);
  });

  it('leaves out the skipped (query, target) pairs, also in the repeated read of that query', async () => {
    const calls: string[] = [];
    const exec = async (t: TargetName, q: MixQuery): Promise<unknown> => {
      calls.push(`${q.key}:${t}`);
      return {};
    };
    const a = fakeQuery('a');
    const timings = await timeMix([a], params, exec, { runs: 2, warmup: 0, repeated: a, skip: new Set([pairKey('a', 'api')]), now: () => 0 });
    expect(timings.a?.api).toEqual([]);
    expect(timings[REPEATED_READ]?.api).toEqual([]);
    expect(timings.a?.raw).toHaveLength(2);
    expect(calls.filter((c) => c === 'a:api')).toEqual([]);
  });
});
