import { describe, expect, it } from '@jest/globals';
import { CancelledError, checkpoint, withBudget } from '../../src/cpu/checkpoint';

const spin = (): never => {
  for (;;) checkpoint();
};

describe('checkpoint', () => {
  it('does nothing outside a budgeted run', () => {
    for (let i = 0; i < 100_000; i++) checkpoint();
  });

  it('stops an endless loop at its deadline', () => {
    const t0 = Date.now();
    expect(() => withBudget(Date.now() + 50, null, 1, spin)).toThrow(CancelledError);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it('stops the run whose token the flag holds, and no other', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 7);
    expect(() => withBudget(Date.now() + 60_000, flag, 7, spin)).toThrow(new CancelledError('cancelled'));
    // A flag meant for job 7 does not stop job 8.
    expect(withBudget(Date.now() + 60_000, flag, 8, () => {
      for (let i = 0; i < 10_000; i++) checkpoint();
      return 'done';
    })).toBe('done');
  });

  it('refuses to start after the deadline', () => {
    expect(() => withBudget(Date.now() - 1, null, 1, () => 'ran')).toThrow(new CancelledError('deadline'));
  });
});
