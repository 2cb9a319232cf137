import { describe, expect, it } from '@jest/globals';
import { watchOwnWrites } from '../../src/cache/watchOwnWrites';
import type { Database, Tx } from '../../src/neo4j/db';
import { bumpGraphVersion } from '../../src/system/graphVersion';

/** A transaction that answers every statement with `{ version }` and records the statement names. */
function fakeTx(version: number, seen: string[]): Tx {
  return {
    run: async (q) => {
      seen.push(q.name);
      return [{ version }] as never;
    },
    runText: async () => [],
    stream: async () => [],
  };
}

/**
 * A database whose write runs the transaction function once per attempt (the driver's retries)
 * and "commits" after the last; `events` records commits and what the watcher was told, in order.
 */
function fakeDb(attempts: number[], options: { failAfter?: boolean } = {}) {
  const events: string[] = [];
  const seen: string[] = [];
  const db: Database = {
    database: 'neo4j',
    read: (work) => work(fakeTx(0, seen)),
    write: async (work) => {
      let result: unknown;
      for (const version of attempts) result = await work(fakeTx(version, seen));
      if (options.failAfter) {
        events.push('commit failed');
        throw new Error('connection lost during commit');
      }
      events.push('commit');
      return result as never;
    },
  };
  const versions = { written: (v: number) => events.push(`written ${v}`), changed: () => events.push('changed') };
  return { db: watchOwnWrites(db, versions), events, seen };
}

describe('watchOwnWrites', () => {
  it('tells the version a write made right after its commit', async () => {
    const { db, events } = fakeDb([7]);
    expect(await db.write(async (tx) => bumpGraphVersion(tx, 'test'))).toBe(7);
    expect(events).toEqual(['commit', 'written 7']);
  });

  it('tells only what the last attempt of a retried transaction made', async () => {
    const bumpOnFirstOnly = fakeDb([7, 8]);
    let attempt = 0;
    await bumpOnFirstOnly.db.write(async (tx) => (attempt++ === 0 ? bumpGraphVersion(tx, 'test') : 0));
    expect(bumpOnFirstOnly.events).toEqual(['commit']);
    const both = fakeDb([7, 8]);
    await both.db.write((tx) => bumpGraphVersion(tx, 'test'));
    expect(both.events).toEqual(['commit', 'written 8']);
  });

  it('tells nothing for writes that leave the version alone, and passes reads and other statements through', async () => {
    const { db, events, seen } = fakeDb([3]);
    await db.write(async (tx) => tx.runText('CREATE (:Audit)'));
    await db.read(async (tx) => tx.run({ name: 'system/graphVersion' }));
    expect(events).toEqual(['commit']);
    expect(seen).toEqual(['system/graphVersion']);
  });

  it('says the version may have changed when a write that advanced it failed (the commit is in doubt)', async () => {
    const { db, events } = fakeDb([4], { failAfter: true });
    await expect(db.write((tx) => bumpGraphVersion(tx, 'test'))).rejects.toThrow('connection lost');
    expect(events).toEqual(['commit failed', 'changed']);
    const plain = fakeDb([4], { failAfter: true });
    await expect(plain.db.write(async () => 1)).rejects.toThrow('connection lost');
    expect(plain.events).toEqual(['commit failed']);
  });
});
