import { DEFAULT_RESTART_POLICY, decideRestart, type RestartPolicy } from '../../src/neo4j/restartPolicy';

describe('decideRestart', () => {
  const policy: RestartPolicy = { ...DEFAULT_RESTART_POLICY, maxRestarts: 8 };
  const now = 10_000_000;

  it('waits 1 s, 2 s, 4 s ... doubling with each restart in the window, at most 30 s', () => {
    const delays: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const d = decideRestart(times, now + i, policy);
      if (d.action !== 'restart') throw new Error(`expected a restart, got ${JSON.stringify(d)}`);
      delays.push(d.delayMs);
      times.push(now + i);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('gives up once maxRestarts restarts lie within the window', () => {
    const times = Array.from({ length: 8 }, (_, i) => now - i * 1000);
    expect(decideRestart(times, now, policy)).toEqual({ action: 'give-up', recentRestarts: 8 });
    expect(decideRestart(times.slice(1), now, policy)).toEqual({ action: 'restart', delayMs: 30_000, recentRestarts: 7 });
  });

  it('forgets restarts older than the window (10 minutes)', () => {
    const old = [now - 600_000, now - 700_000, now - 3_600_000];
    expect(decideRestart(old, now, { ...policy, maxRestarts: 1 })).toEqual({ action: 'restart', delayMs: 1000, recentRestarts: 0 });
    expect(decideRestart([...old, now - 599_999], now, { ...policy, maxRestarts: 1 })).toEqual({ action: 'give-up', recentRestarts: 1 });
  });

  it('never restarts with maxRestarts 0', () => {
    expect(decideRestart([], now, { ...policy, maxRestarts: 0 })).toEqual({ action: 'give-up', recentRestarts: 0 });
  });

  it('takes other windows and delays', () => {
    const quick: RestartPolicy = { maxRestarts: 3, windowMs: 1000, baseDelayMs: 10, maxDelayMs: 25 };
    expect(decideRestart([now - 100], now, quick)).toEqual({ action: 'restart', delayMs: 20, recentRestarts: 1 });
    expect(decideRestart([now - 100, now - 50], now, quick)).toEqual({ action: 'restart', delayMs: 25, recentRestarts: 2 });
    expect(decideRestart([now - 1000, now - 50], now, quick)).toEqual({ action: 'restart', delayMs: 20, recentRestarts: 1 });
  });
});
