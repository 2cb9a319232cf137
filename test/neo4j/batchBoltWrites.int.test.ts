import net from 'node:net';
import { batchBoltWrites } from '../../src/neo4j/batchBoltWrites';
import { openTestDb, type TestDb } from '../support/db';

// The driver writes a message in 1,400-byte chunks; with batchBoltWrites (installed by createDriver)
// everything one transaction step writes reaches the socket as one write.
describe('batchBoltWrites', () => {
  let t: TestDb;
  beforeAll(() => {
    t = openTestDb();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is installed once by createDriver', () => {
    expect(batchBoltWrites()).toBe('already');
  });

  it('sends a statement with a 40 KB parameter in a few socket writes instead of one per chunk, and the answer is whole', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => ({ i, id: `service:test:${String(i).padStart(20, '0')}`, d: i / 7 }));
    await t.db.read((tx) => tx.runText('RETURN 1 AS warm'));
    const socket = net.Socket.prototype as unknown as { _writev: (data: unknown[], ...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown };
    const writev = socket._writev;
    const write = socket._write;
    let calls = 0;
    let chunks = 0;
    socket._writev = function (this: unknown, data: unknown[], ...rest: unknown[]) {
      calls++;
      chunks += data.length;
      return writev.call(this, data, ...rest);
    };
    socket._write = function (this: unknown, ...a: unknown[]) {
      calls++;
      chunks++;
      return write.apply(this, a);
    };
    let rows: Record<string, unknown>[];
    try {
      rows = await t.db.read((tx) => tx.runText('UNWIND $list AS x RETURN count(x) AS n, sum(x.i) AS total, max(size(x.id)) AS longest', { list }));
    } finally {
      socket._writev = writev;
      socket._write = write;
    }
    expect(rows).toEqual([{ n: 1000, total: 499_500, longest: 33 }]);
    // The parameter alone fills about 30 chunks; they go out together (begin and run, then commit).
    expect(chunks).toBeGreaterThan(25);
    expect(calls).toBeLessThanOrEqual(4);
  });
});
