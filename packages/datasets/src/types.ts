import type { Rng, Tensor } from "@gradschool/tensor";

/**
 * The shapes every dataset in this package comes in.
 *
 * A dataset is `{ x, y }`: x holds the inputs, one example per row (first axis); y holds
 * what the network should answer for each row.
 */

/** A classification set: x is [n, features], y[i] is the class index (0 … classes−1) of row i. */
export interface ClassificationSet {
  x: Tensor;
  y: Int32Array;
  classes: number;
}

/**
 * Every random dataset takes its randomness as `{ rng }`, an `Rng` from `rng(seed)`: the
 * same seed gives the same data, and one generator can be threaded through a whole lesson.
 */
export interface RandomOptions {
  rng: Rng;
}
