import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { GraphVersionWatcher } from '../../src/system/GraphVersionWatcher';

/**
 * A database as the watcher sees it: each read sees the version of the moment it starts and is
 * recorded with the clock then; it settles when the test says so (`settle`), or at once with `auto`.
 */
function fakeReader(clock: { t: number }, options: { auto?: boolean } = {}) {
  const reads: { at: number; version: number; resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  const db = { version: 1, failing: null as Error | null };
  const read = (): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      reads.push({ at: clock.t, version: db.version, resolve, reject });
      if (options.auto) {
        if (db.failing) reject(db.failing);
        else resolve(db.version);
      }
    });
  /** Settles the oldest unsettled read with the version it saw (or with the database's failure now). */
  const settle = async (): Promise<void> => {
    const r = reads.find((x) => !(x as { done?: boolean }).done) as (typeof reads)[number] & { done?: boolean };
    r.done = true;
    if (db.failing) r.reject(db.failing);
    else r.resolve(r.version);
    await flush();
  };
  return { read, reads, db, settle };
}

/** Lets settled promises run their callbacks. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function watcher(maxAgeMs = 250, options: { auto?: boolean } = { auto: true }) {
  const clock = { t: 1000 };
  const fake = fakeReader(clock, options);
  const w = new GraphVersionWatcher(fake.read, { maxAgeMs, now: () => clock.t });
  return { w, clock, ...fake };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('GraphVersionWatcher', () => {
  it('waits for a read on the first call, and concurrent first calls share it', async () => {
    const { w, reads, settle } = watcher(250, {});
    const calls = Array.from({ length: 50 }, () => w.current());
    expect(reads).toHaveLength(1);
    await settle();
    expect(await Promise.all(calls)).toEqual(Array(50).fill(1));
    expect(w.state()).toEqual({ version: 1, ageMs: 0, maxAgeMs: 250 });
  });

  it('reads at most once per interval however many calls arrive, and hands out a settled promise meanwhile', async () => {
    const { w, clock, reads } = watcher(250);
    await w.current();
    const fresh = w.current();
    expect(w.current()).toBe(fresh);
    // 1,000 ms of calls, 100 every 5 ms.
    for (let step = 0; step < 200; step++) {
      clock.t += 5;
      for (let i = 0; i < 100; i++) await w.current();
    }
    const starts = reads.map((r) => r.at);
    expect(starts.length).toBeLessThanOrEqual(1 + 1000 / 250);
    for (let i = 1; i < starts.length; i++) expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(250);
  });

  it('sees a change of another process once the known version is older than the bound, not before', async () => {
    const { w, clock, db } = watcher(250);
    expect(await w.current()).toBe(1);
    db.version = 2;
    clock.t += 249;
    expect(await w.current()).toBe(1);
    clock.t += 1;
    expect(await w.current()).toBe(2);
    expect(w.state()).toEqual({ version: 2, ageMs: 0, maxAgeMs: 250 });
  });

  it('knows the version of its own write at once, without a read', async () => {
    const { w, reads, db } = watcher(250);
    expect(await w.current()).toBe(1);
    db.version = 5;
    w.written(5);
    expect(await w.current()).toBe(5);
    expect(reads).toHaveLength(1);
    // Two commits told out of order: the later version stands.
    w.written(4);
    expect(await w.current()).toBe(5);
  });

  it('does not let a read that started before its own write answer a call after it, nor overwrite the write', async () => {
    const { w, clock, reads, db, settle } = watcher(250, {});
    const first = w.current();
    await settle();
    expect(await first).toBe(1);
    clock.t += 300;
    const early = w.current(); // a read of version 1 under way ...
    db.version = 2;
    w.written(2); // ... when this process commits version 2
    expect(await w.current()).toBe(2);
    await settle();
    expect(await early).toBe(1); // the caller from before the write gets what was true then
    expect(await w.current()).toBe(2);
    expect(reads).toHaveLength(2);
  });

  it('reads again after changed() (a write of its own whose version is unknown), however fresh the version was', async () => {
    const { w, reads, db, settle } = watcher(250, {});
    const first = w.current();
    await settle();
    await first;
    const during = w.current(); // fresh: no read
    db.version = 3;
    w.changed();
    const after = w.current();
    expect(reads).toHaveLength(2);
    await settle();
    expect([await during, await after]).toEqual([1, 3]);
  });

  it('rejects when the read fails, keeps no failure and no stale version, and reads again on the next call', async () => {
    const { w, clock, reads, db } = watcher(250);
    expect(await w.current()).toBe(1);
    clock.t += 300;
    db.failing = new Error('Neo4j is down');
    await expect(w.current()).rejects.toThrow('Neo4j is down');
    await expect(w.current()).rejects.toThrow('Neo4j is down');
    expect(reads).toHaveLength(3);
    db.failing = null;
    db.version = 7;
    expect(await w.current()).toBe(7);
  });

  it('shares a failing read among the calls waiting for it', async () => {
    const { w, reads, db, settle } = watcher(250, {});
    db.failing = new Error('refused');
    const calls = [w.current(), w.current(), w.current()];
    await settle();
    for (const c of calls) await expect(c).rejects.toThrow('refused');
    expect(reads).toHaveLength(1);
  });

  it('starts a new read instead of waiting for one that has been under way longer than the bound', async () => {
    const { w, clock, reads, settle } = watcher(250, {});
    const hung = w.current();
    clock.t += 250;
    const later = w.current();
    expect(reads).toHaveLength(2);
    await settle();
    await settle();
    expect([await hung, await later]).toEqual([1, 1]);
    expect(w.state().ageMs).toBe(0); // from the later read
  });

  it('with a bound of 0 reads for every call (the behaviour before the watcher)', async () => {
    const { w, reads } = watcher(0);
    for (let i = 0; i < 5; i++) await w.current();
    expect(reads).toHaveLength(5);
  });

  it('uses no timers, and after close() every call reads for itself', async () => {
    jest.useFakeTimers();
    const { w, reads, db } = watcher(250);
    for (let i = 0; i < 10; i++) await w.current();
    expect(jest.getTimerCount()).toBe(0);
    w.close();
    expect(jest.getTimerCount()).toBe(0);
    expect(reads).toHaveLength(1);
    db.version = 9;
    expect(await w.current()).toBe(9);
    expect(await w.current()).toBe(9);
    expect(reads).toHaveLength(3);
    expect(w.state().version).toBeNull();
  });

  it('reports its state once the version is current, or what it knew when the read fails', async () => {
    const { w, clock, db } = watcher(250);
    expect(w.state()).toEqual({ version: null, ageMs: null, maxAgeMs: 250 });
    expect(await w.report()).toEqual({ version: 1, ageMs: 0, maxAgeMs: 250 });
    clock.t += 100;
    expect(await w.report()).toEqual({ version: 1, ageMs: 100, maxAgeMs: 250 });
    clock.t += 200;
    db.failing = new Error('down');
    expect(await w.report()).toEqual({ version: 1, ageMs: 300, maxAgeMs: 250 });
  });

  it('refuses a negative bound', () => {
    expect(() => new GraphVersionWatcher(async () => 1, { maxAgeMs: -1 })).toThrow('maxAgeMs must be 0 or more, got -1');
  });
});

describe('GraphVersionWatcher reading ahead (keepFreshMs)', () => {
  function keeping(keepFreshMs = 10_000) {
    const clock = { t: 1000 };
    const fake = fakeReader(clock, { auto: true });
    const w = new GraphVersionWatcher(fake.read, { maxAgeMs: 250, now: () => clock.t, keepFreshMs });
    return { w, clock, ...fake };
  }

  it('reads the version ahead while calls keep coming, so a call never waits, and still within the bound', async () => {
    const { w, clock, reads, db } = keeping();
    try {
      expect(await w.current()).toBe(1);
      expect(w.keepingFresh).toBe(true);
      expect(reads).toHaveLength(1);
      // Every beat (maxAgeMs / 2) reads once; a call between beats gets what the last beat read.
      for (let beat = 1; beat <= 6; beat++) {
        clock.t += 125;
        if (beat === 3) db.version = 2;
        w.tick();
        await flush();
        expect(reads).toHaveLength(1 + beat);
        const before = reads.length;
        const v = await w.current();
        expect(reads).toHaveLength(before); // no read of its own
        expect(v).toBe(beat >= 3 ? 2 : 1);
      }
    } finally {
      w.close();
    }
  });

  it('stops reading once no call came for keepFreshMs, and starts again with the next call', async () => {
    const { w, clock, reads } = keeping(1000);
    try {
      await w.current();
      clock.t += 1001;
      w.tick();
      await flush();
      expect(w.keepingFresh).toBe(false);
      expect(reads).toHaveLength(1);
      await w.current();
      expect(w.keepingFresh).toBe(true);
    } finally {
      w.close();
    }
    expect(w.keepingFresh).toBe(false);
  });

  it('keeps nothing from a failed read ahead: the next call reads for itself', async () => {
    const { w, clock, reads, db } = keeping();
    try {
      await w.current();
      db.failing = new Error('Neo4j is down');
      clock.t += 300;
      w.tick();
      await flush();
      expect(reads).toHaveLength(2);
      await expect(w.current()).rejects.toThrow('Neo4j is down');
      db.failing = null;
      expect(await w.current()).toBe(1);
    } finally {
      w.close();
    }
  });
});
