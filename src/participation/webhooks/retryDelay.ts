/** The longest wait between two attempts of a webhook delivery (before jitter): one hour. */
export const MAX_RETRY_DELAY_MS = 3_600_000;

/**
 * Milliseconds to wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed:
 * `baseMs`, doubled per attempt, at most an hour, plus up to 10 % jitter (from `random`, [0, 1)) so
 * that deliveries that failed together do not all come back at once.
 */
export function retryDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer from 1, got ${attempt}`);
  if (!(baseMs >= 0)) throw new RangeError(`baseMs must be 0 or more, got ${baseMs}`);
  const delay = Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(delay + delay * 0.1 * Math.min(Math.max(random(), 0), 1));
}
