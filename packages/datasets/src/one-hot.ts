import { Tensor } from "@gradschool/tensor";

/**
 * One-hot encoding: class index k becomes a row of zeros with a single 1 in column k.
 *
 *   oneHot([2, 0], 3) = [[0, 0, 1],
 *                        [1, 0, 0]]
 *
 * Losses such as cross-entropy compare a predicted distribution with this target row.
 */
export function oneHot(labels: ArrayLike<number>, classes: number): Tensor {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new Error(`oneHot: classes must be a positive integer; received ${classes}`);
  }
  const out = new Float64Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(
        `oneHot: label ${label} at position ${i} is out of range; expected an integer in 0 … ${classes - 1}`,
      );
    }
    out[i * classes + label] = 1;
  }
  return new Tensor(out, [labels.length, classes]);
}
