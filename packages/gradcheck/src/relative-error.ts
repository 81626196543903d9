/**
 * How far apart two gradients are, relative to their size:
 *
 *   relErr(a, n) = |a − n| / max(|a|, |n|, 1e-12)
 *
 * An absolute difference would be unfair both ways: 1e-4 is a large error for a gradient
 * of 1e-3 and a tiny one for a gradient of 1e3. Dividing by the larger magnitude makes
 * the score scale-free — 1e-2 means "agrees to about 2 digits" whatever the size — and
 * symmetric in a and n. The 1e-12 floor stops 0/0 when both are exactly zero; two values
 * that tiny count as equal.
 *
 * In float64 with central differences a correct gradient scores ~1e-10; anything above
 * 1e-6 is a bug. A NaN on either side gives NaN, which every check treats as a failure.
 */
export function relativeError(analytic: number, numeric: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-12);
}
