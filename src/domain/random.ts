/**
 * Seeded randomness for the engine: the same seed always gives the same numbers, on every machine, so a Monte
 * Carlo run can be repeated and checked. The engine never calls `Math.random`.
 */

/** Returns the next uniform number in [0, 1) each time it is called. */
export type RandomSource = () => number;

/**
 * A mulberry32 generator (Tommy Ettinger's 32-bit generator: a Weyl sequence through an integer hash), seeded
 * with `seed` taken as an unsigned 32-bit integer (`seed >>> 0`, so 1.5 and 1 are the same seed). Each call
 * returns a multiple of 2^−32 in [0, 1). Period 2^32; plenty for tens of thousands of samples of tens of inputs.
 */
export function createRandomSource(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Maps a uniform number `u` in [0, 1) through the inverse cumulative distribution of the triangular
 * distribution with minimum `low`, mode `likely` and maximum `high` (low ≤ likely ≤ high):
 *
 * ```
 * F(likely) = (likely − low) / (high − low)
 * u < F(likely):  low  + √(u · (high − low) · (likely − low))
 * otherwise:      high − √((1 − u) · (high − low) · (high − likely))
 * ```
 *
 * Its mean is (low + likely + high) / 3. For a fixed `u`, widening the range (a lower `low`, a higher `high`)
 * never moves the value towards `likely`'s side it left, and spreads values further apart: drawing `u` first
 * and mapping it ("common random numbers") makes runs with different ranges comparable sample by sample.
 * A range with `low = high` gives `likely`. The result is kept inside [low, high] against rounding.
 */
export function drawTriangular(u: number, low: number, likely: number, high: number): number {
  const span = high - low;
  if (!(span > 0)) return likely;
  const split = (likely - low) / span;
  const value =
    u < split
      ? low + Math.sqrt(u * span * (likely - low))
      : high - Math.sqrt((1 - u) * span * (high - likely));
  return Math.min(high, Math.max(low, value));
}
