import type DataLoader from 'dataloader';

/**
 * Loads many keys through a per-request DataLoader, in key order, and fails as a whole when any key
 * failed: the first error (in key order) is thrown as it is, so an AppError keeps its code
 * (SERVICE_UNAVAILABLE, QUERY_TIMEOUT, RESULT_TOO_LARGE). `loadMany` instead resolves with errors in
 * the list, and a caller that filters them out turns an outage into NOT_FOUND or a shorter list.
 * Real misses stay in the answer as the loader gives them (null): what they mean is the caller's call.
 */
export async function loadAll<K, V, C = K>(loader: DataLoader<K, V, C>, keys: readonly K[]): Promise<V[]> {
  if (keys.length === 0) return [];
  const results = await loader.loadMany(keys);
  const failed = results.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  return results as V[];
}
