/**
 * Which learnt filter looks most like a hand-made one: the cosine of the angle between
 * the two filters read as vectors of 9 weights,
 *
 *   cos(a, b) = Σ aᵢbᵢ / (|a| · |b|)      1: the same pattern, −1: the same pattern with signs swapped
 *
 * It ignores scale, so a faint filter and a strong one with the same shape score alike.
 */
import type { Tensor } from "@gradschool/tensor";
import { plane } from "./pictures.ts";

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cosineSimilarity: a has ${a.length} numbers and b has ${b.length}; expected the same count`);
  let dot = 0;
  let aSquared = 0;
  let bSquared = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    aSquared += a[i] ** 2;
    bSquared += b[i] ** 2;
  }
  return dot / Math.sqrt(aSquared * bSquared);
}

/**
 * The filter of a first-layer kernel [outC, 1, kH, kW] whose |cosine| with `pattern` is largest
 * (an edge detector counts whichever way round its dark and bright sides are), skipping `exclude`.
 */
export function mostLike(kernel: Tensor, pattern: readonly number[][], exclude: readonly number[] = []): number {
  const flat = pattern.flat();
  let best = -1;
  let bestScore = -Infinity;
  for (let o = 0; o < kernel.shape[0]; o++) {
    const score = Math.abs(cosineSimilarity(plane(kernel, o, 0), flat));
    if (!exclude.includes(o) && score > bestScore) [best, bestScore] = [o, score];
  }
  return best;
}
