/**
 * What a query's answer must agree on across the three targets: named lists of ids (or id-like
 * keys such as "layer:x=3"), each compared in order or as a set.
 */
export type Signature = Record<string, { readonly ordered: boolean; readonly values: readonly string[] }>;

/** One disagreement between two signatures of the same query. */
export interface SignatureDiff {
  readonly key: string;
  readonly message: string;
}

const preview = (values: readonly string[], max = 8): string =>
  values.length === 0 ? '(none)' : values.slice(0, max).join(', ') + (values.length > max ? `, ... (${values.length} in all)` : '');

const tally = (values: readonly string[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};

/**
 * Compares `actual` with `expected` key by key; an empty list means they agree: an ordered entry
 * holds the same values in the same order, a set entry the same values as many times each.
 */
export function compareSignatures(expected: Signature, actual: Signature): SignatureDiff[] {
  const diffs: SignatureDiff[] = [];
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const key of keys) {
    const e = expected[key];
    const a = actual[key];
    if (!e || !a) {
      diffs.push({ key, message: e ? 'missing in the answer' : 'not expected' });
      continue;
    }
    const eSet = new Set(e.values);
    const aSet = new Set(a.values);
    const onlyE = [...eSet].filter((v) => !aSet.has(v));
    const onlyA = [...aSet].filter((v) => !eSet.has(v));
    if (onlyE.length > 0 || onlyA.length > 0 || e.values.length !== a.values.length) {
      diffs.push({
        key,
        message: `${e.values.length} vs ${a.values.length} values; only in the first: ${preview(onlyE)}; only in the second: ${preview(onlyA)}`,
      });
      continue;
    }
    if (e.ordered) {
      const at = e.values.findIndex((v, i) => a.values[i] !== v);
      if (at >= 0) diffs.push({ key, message: `same values, different order from position ${at}: ${preview(e.values.slice(at), 4)} vs ${preview(a.values.slice(at), 4)}` });
      continue;
    }
    // Same distinct values and length, yet a set entry may still repeat other values ([a, a, b] vs [a, b, b]).
    const eCount = tally(e.values);
    const aCount = tally(a.values);
    const repeated = [...eCount].filter(([v, n]) => aCount.get(v) !== n);
    if (repeated.length > 0) diffs.push({ key, message: `same values, repeated differently: ${preview(repeated.map(([v, n]) => `${v} ×${n} vs ×${aCount.get(v) ?? 0}`), 4)}` });
  }
  return diffs;
}

/** Several diffs of one query between two named targets, as lines for an error message. */
export function formatDiffs(query: string, first: string, second: string, diffs: readonly SignatureDiff[]): string {
  return [`${query}: ${first} and ${second} disagree`, ...diffs.map((d) => `  ${d.key}: ${d.message}`)].join('\n');
}

/** An ordered list entry. */
export const ordered = (values: readonly string[]): Signature[string] => ({ ordered: true, values });
/** A set entry. */
export const unordered = (values: readonly string[]): Signature[string] => ({ ordered: false, values });
