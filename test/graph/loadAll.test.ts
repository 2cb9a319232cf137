import DataLoader from 'dataloader';
import { DatabaseUnavailableError, QueryTimeoutError } from '../../src/errors';
import { loadAll } from '../../src/graph/loadAll';

/** A loader over a fixed map: unknown keys are null, keys in `failing` are errors; it records its batches. */
function loaderOf(values: Record<string, string>, failing: Record<string, Error> = {}) {
  const batches: string[][] = [];
  const loader = new DataLoader<string, string | null>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => failing[k] ?? values[k] ?? null);
  });
  return { loader, batches };
}

describe('loadAll', () => {
  it('answers in key order in one batch, real misses as null', async () => {
    const { loader, batches } = loaderOf({ a: 'A', c: 'C' });
    expect(await loadAll(loader, ['c', 'b', 'a'])).toEqual(['C', null, 'A']);
    expect(batches).toEqual([['c', 'b', 'a']]);
  });

  it('asks nothing for no keys', async () => {
    const { loader, batches } = loaderOf({});
    expect(await loadAll(loader, [])).toEqual([]);
    expect(batches).toEqual([]);
  });

  it('throws the failed key’s own error, so its code survives (never read as a miss)', async () => {
    const down = new DatabaseUnavailableError();
    const { loader } = loaderOf({ a: 'A' }, { b: down });
    await expect(loadAll(loader, ['a', 'b', 'x'])).rejects.toBe(down);
    await expect(loadAll(loader, ['b'])).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('throws the first error in key order when several keys failed', async () => {
    const late = new QueryTimeoutError(100, 'request');
    const down = new DatabaseUnavailableError();
    const { loader } = loaderOf({}, { a: late, b: down });
    await expect(loadAll(loader, ['b', 'a'])).rejects.toBe(down);
  });

  it('throws when the whole batch rejects (the database failed the query)', async () => {
    const late = new QueryTimeoutError(50, 'request');
    const loader = new DataLoader<string, string | null>(async () => {
      throw late;
    });
    await expect(loadAll(loader, ['a', 'b'])).rejects.toBe(late);
  });
});
