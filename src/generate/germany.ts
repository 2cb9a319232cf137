/**
 * The shape of Germany's local government, used only as weights for the synthetic graph: roughly
 * how many Kreise (Landkreise and kreisfreie Städte, 400 in all) and Gemeinden each Land has (as of
 * about 2024, rounded; the generator scales them to its own totals). Keys are the seed's Land ids.
 */
export const LAND_SHAPE: Readonly<Record<string, { readonly kreise: number; readonly gemeinden: number }>> = {
  'org:land-baden-wuerttemberg': { kreise: 44, gemeinden: 1101 },
  'org:land-bayern': { kreise: 96, gemeinden: 2056 },
  'org:land-berlin': { kreise: 1, gemeinden: 1 },
  'org:land-brandenburg': { kreise: 18, gemeinden: 413 },
  'org:land-bremen': { kreise: 2, gemeinden: 2 },
  'org:land-hamburg': { kreise: 1, gemeinden: 1 },
  'org:land-hessen': { kreise: 26, gemeinden: 421 },
  'org:land-mecklenburg-vorpommern': { kreise: 8, gemeinden: 726 },
  'org:land-niedersachsen': { kreise: 45, gemeinden: 941 },
  'org:land-nordrhein-westfalen': { kreise: 53, gemeinden: 396 },
  'org:land-rheinland-pfalz': { kreise: 36, gemeinden: 2301 },
  'org:land-saarland': { kreise: 6, gemeinden: 52 },
  'org:land-sachsen': { kreise: 13, gemeinden: 418 },
  'org:land-sachsen-anhalt': { kreise: 14, gemeinden: 218 },
  'org:land-schleswig-holstein': { kreise: 15, gemeinden: 1106 },
  'org:land-thueringen': { kreise: 22, gemeinden: 605 },
};

/** Weights of a Land the table does not know (a renamed id): an average Land. */
export const AVERAGE_LAND = { kreise: 25, gemeinden: 690 } as const;

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the
 * lower index), so the parts always add up to `total`.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}
