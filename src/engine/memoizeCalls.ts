/**
 * Wraps every method of a per-request loader group so that calls with equal arguments share one
 * promise: aliases of the same traversal within a request are computed once. Made per request in
 * createContext, never shared across requests.
 */
export function memoizeCalls<T extends object>(target: T): T {
  const cache = new Map<string, Promise<unknown>>();
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(target) as [string, unknown][]) {
    if (typeof fn !== 'function') continue;
    out[name] = (...args: unknown[]) => {
      const key = `${name}|${JSON.stringify(args)}`;
      let hit = cache.get(key);
      if (!hit) cache.set(key, (hit = (fn as (...a: unknown[]) => Promise<unknown>)(...args)));
      return hit;
    };
  }
  return out as T;
}
