import { PhaseProgress, WriterPool } from '../../src/generate/writerPool';

/** A task that ends when `finish` is called, recording when it ran. */
function gate(log: string[], name: string): { task: () => Promise<void>; finish: (error?: Error) => void } {
  let finish: (error?: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    finish: (error) => finish(error),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the writer pool of the generator', () => {
  it('runs at most its size of tasks at once, and drain waits for all', async () => {
    const log: string[] = [];
    const pool = new WriterPool(2);
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    await pool.run(a.task);
    await pool.run(b.task);
    const third = pool.run(c.task);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await third;
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    const drained = pool.drain();
    a.finish();
    c.finish();
    await drained;
    expect(log.filter((l) => l.startsWith('end'))).toHaveLength(3);
  });

  it('starts nothing after a failure, lets the tasks under way end, and throws the first failure', async () => {
    const log: string[] = [];
    const pool = new WriterPool(2);
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    await pool.run(a.task);
    await pool.run(b.task);
    a.finish(new Error('deadlock'));
    const next = pool.run(async () => {
      log.push('start c');
    });
    b.finish(new Error('second'));
    await expect(next).rejects.toThrow('deadlock');
    await expect(pool.drain()).rejects.toThrow('deadlock');
    expect(log).toEqual(['start a', 'start b']);
  });

  it('refuses a size below 1', () => {
    expect(() => new WriterPool(0)).toThrow('writers must be an integer of at least 1, got 0');
  });
});

describe('the progress of a phase', () => {
  it('counts committed rows and the rows of the transactions under way, which start again from 0 on a retry', () => {
    const p = new PhaseProgress(100);
    p.start();
    const a = p.underWay();
    const b = p.underWay();
    a.rows = 30;
    b.rows = 20;
    expect(p.done()).toBe(50);
    p.committed(40);
    p.settled(a);
    expect(p.done()).toBe(60);
    b.rows = 0;
    expect(p.done()).toBe(40);
    p.settled(b);
    expect(p.rows).toBe(40);
  });
});
