/**
 * Batch-major ↔ time-major: the two ways to lay a batch of sequences out in memory.
 *
 *   batch-major  [batch, time, features]   x[b, t, :] at ((b·time + t)·features)   the API's layout
 *   time-major   [time, batch, features]   x[t, b, :] at ((t·batch + b)·features)  the loop's layout
 *
 * A recurrent layer steps through time, and at step t it needs the rows of every sequence
 * at that step as one [batch, features] matrix, to multiply in a single product. In
 * time-major order those rows are contiguous, so the matrix for step t is a view
 * (subarray), not a copy. The layer converts on the way in and on the way out; each
 * conversion is one pass over the data, cheap next to the products it enables.
 */

/** Copies source [outer, inner, features] into target [inner, outer, features] (swaps the first two axes). */
export function swapLeadingAxes(
  source: Float64Array,
  target: Float64Array,
  outer: number,
  inner: number,
  features: number,
): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const from = (o * inner + i) * features;
      const to = (i * outer + o) * features;
      for (let f = 0; f < features; f++) target[to + f] = source[from + f];
    }
  }
}
