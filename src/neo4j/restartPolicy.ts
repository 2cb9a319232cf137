/** How often and how soon a dead embedded Neo4j is started again. */
export interface RestartPolicy {
  /** Most restarts within `windowMs`; one more and the supervisor gives up. */
  readonly maxRestarts: number;
  /** The sliding window the restarts are counted in. */
  readonly windowMs: number;
  /** Wait before the first restart of a window; each restart already in the window doubles it. */
  readonly baseDelayMs: number;
  /** Longest wait before a restart. */
  readonly maxDelayMs: number;
}

/** NEO4J_MAX_RESTARTS restarts in 10 minutes, after waits of 1 s, 2 s, 4 s ... at most 30 s. */
export const DEFAULT_RESTART_POLICY: Omit<RestartPolicy, 'maxRestarts'> = {
  windowMs: 10 * 60_000,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** What to do about a dead Neo4j: start it again after `delayMs`, or give up. */
export type RestartDecision =
  | { readonly action: 'restart'; readonly delayMs: number; readonly recentRestarts: number }
  | { readonly action: 'give-up'; readonly recentRestarts: number };

/**
 * Decides from the start times of earlier restarts (epoch ms) whether to restart at `now` and after
 * how long. The delay grows with the restarts in the window, not per outage, so that a Neo4j which
 * starts and dies again at once is not hammered at the base delay.
 */
export function decideRestart(restartTimes: readonly number[], now: number, policy: RestartPolicy): RestartDecision {
  const recentRestarts = restartTimes.filter((t) => now - t < policy.windowMs).length;
  if (recentRestarts >= policy.maxRestarts) return { action: 'give-up', recentRestarts };
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** recentRestarts);
  return { action: 'restart', delayMs, recentRestarts };
}
