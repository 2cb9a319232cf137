import { describe, expect, it } from '@jest/globals';
import { pickMid, pickSubgraphId, transitiveDependents } from '../../bench/pick';

/** A chain a <- b <- c <- d <- ... (each depends on the one before), plus loners. */
function chain(ids: string[], loners: string[] = []): Map<string, string[]> {
  const m = new Map<string, string[]>();
  ids.forEach((id, i) => m.set(id, ids[i + 1] ? [ids[i + 1] as string] : []));
  for (const l of loners) m.set(l, []);
  return m;
}

describe('transitiveDependents', () => {
  it('counts the components reaching the origin within maxDepth hops, the origin not counted', () => {
    const g = chain(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(transitiveDependents(g, 'a', 6)).toBe(6);
    expect(transitiveDependents(g, 'a', 2)).toBe(2);
    expect(transitiveDependents(g, 'h', 6)).toBe(0);
  });

  it('counts each component once in diamonds and cycles', () => {
    const g = new Map([
      ['o', ['x', 'y']],
      ['x', ['z']],
      ['y', ['z']],
      ['z', ['o']],
    ]);
    expect(transitiveDependents(g, 'o', 6)).toBe(3);
  });

  it('stops at the cap', () => {
    expect(transitiveDependents(chain(['a', 'b', 'c', 'd', 'e']), 'a', 6, 2)).toBe(2);
  });
});

describe('pickMid', () => {
  it('picks the component whose dependents are closest to 2 % of all components, ties to the smallest id', () => {
    // 100 components: target 2 dependents. a0 has 3 (a1..a3), b0 has 2 (b1, b2), c0 has 2 (c1, c2).
    const g = new Map<string, string[]>();
    for (let i = 0; i < 90; i++) g.set(`z${String(i).padStart(2, '0')}`, []);
    g.set('a0', ['a1', 'a2', 'a3']).set('a1', []).set('a2', []).set('a3', []);
    g.set('c0', ['c1', 'c2']).set('c1', []).set('c2', []);
    g.set('b0', ['b1', 'b2']).set('b1', []).set('b2', []);
    expect(g.size).toBe(100);
    expect(pickMid(g)).toEqual({ id: 'b0', dependents: 2, target: 2 });
  });

  it('refuses an empty graph', () => {
    expect(() => pickMid(new Map())).toThrow('no component');
  });
});

describe('pickSubgraphId', () => {
  it('takes the first candidate under the limit, asking each once', async () => {
    const asked: string[] = [];
    const size = async (id: string): Promise<number> => {
      asked.push(id);
      return ({ hub: 9000, mid: 120, other: 5 } as Record<string, number>)[id] ?? Infinity;
    };
    await expect(pickSubgraphId(['hub', 'hub', 'mid', 'other'], size)).resolves.toEqual({ id: 'mid', nodes: 120 });
    expect(asked).toEqual(['hub', 'mid']);
  });

  it('names every candidate tried when none fits', async () => {
    await expect(pickSubgraphId(['a'], async () => 5000)).rejects.toThrow('a (5000)');
  });
});
