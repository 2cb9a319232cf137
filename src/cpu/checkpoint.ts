/**
 * Cooperative cancellation of CPU work. Long loops of the in-memory engines call `checkpoint()`;
 * outside a budgeted run it does nothing, inside one (a job of a CPU worker, see cpuWorker.ts) it
 * throws `CancelledError` once the job's deadline has passed or the caller set its cancel flag, so
 * the work stops instead of running on for nobody.
 */
export class CancelledError extends Error {
  constructor(readonly reason: 'deadline' | 'cancelled') {
    super(reason === 'deadline' ? 'the job ran past its deadline' : 'the job was cancelled');
    this.name = 'CancelledError';
  }
}

/** Calls between two looks at the clock and the flag (a look costs ~50 ns; a call ~1 ns). */
const EVERY = 1024;

interface Budget {
  readonly deadline: number;
  /** Shared with the caller: holds the token of the job to cancel. */
  readonly flag: Int32Array | null;
  readonly token: number;
}

let budget: Budget | null = null;
let calls = 0;

/** Throws CancelledError when the current budgeted run must stop; cheap enough for inner loops. */
export function checkpoint(): void {
  if (budget === null || ++calls % EVERY !== 0) return;
  if (budget.flag !== null && Atomics.load(budget.flag, 0) === budget.token) throw new CancelledError('cancelled');
  if (Date.now() > budget.deadline) throw new CancelledError('deadline');
}

/**
 * Runs `work` with a deadline (epoch ms) and an optional shared cancel flag: the work stops once
 * the flag holds `token` (the job's number, so a late cancel of an earlier job never hits a later
 * one). Not re-entrant: one budgeted run at a time per thread, which is how a worker runs its jobs.
 */
export function withBudget<T>(deadline: number, flag: Int32Array | null, token: number, work: () => T): T {
  if (Date.now() > deadline) throw new CancelledError('deadline');
  budget = { deadline, flag, token };
  calls = 0;
  try {
    return work();
  } finally {
    budget = null;
  }
}
