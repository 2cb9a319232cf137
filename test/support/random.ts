/** A small seeded pseudo-random generator (an LCG), so that a failing case can be reproduced from its seed: floats in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The same generator as whole numbers: `next(n)` is in 0..n-1. */
export function intRng(seed: number): (n: number) => number {
  const r = rng(seed);
  return (n) => Math.floor(r() * n);
}
