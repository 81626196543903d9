import { tensor } from "@gradschool/tensor";
import type { ClassificationSet } from "./types.ts";

/**
 * The truth tables of three logic gates, the first datasets a neuron meets.
 *
 *   x1 x2 │ AND OR XOR
 *    0  0 │  0   0   0
 *    0  1 │  0   1   1
 *    1  0 │  0   1   1
 *    1  1 │  1   1   0
 *
 * AND and OR are linearly separable: one line splits the 1s from the 0s, so a single
 * neuron learns them. XOR is not, which is why networks need a hidden layer.
 * Each returns x [4, 2] (the inputs above, in that order), y the four labels, classes 2.
 */

const inputs = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

function truthTable(outputs: readonly number[]): ClassificationSet {
  return { x: tensor(inputs), y: Int32Array.from(outputs), classes: 2 };
}

/** x1 AND x2: 1 only when both inputs are 1. */
export function andGate(): ClassificationSet {
  return truthTable([0, 0, 0, 1]);
}

/** x1 OR x2: 1 when at least one input is 1. */
export function orGate(): ClassificationSet {
  return truthTable([0, 1, 1, 1]);
}

/** x1 XOR x2: 1 when exactly one input is 1. */
export function xor(): ClassificationSet {
  return truthTable([0, 1, 1, 0]);
}
