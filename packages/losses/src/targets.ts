import { Tensor, formatShape } from "@gradschool/tensor";
import type { LossTarget } from "./loss.ts";
import { checkProbabilities, checkSameShapeTarget, describeValue } from "./validate.ts";

/**
 * Classification targets come in two forms, and the losses accept both:
 *
 *   class indices  [0, 2, 1]            what the datasets return as y
 *   one-hot rows   [[1, 0, 0],          what the maths uses: yᵢⱼ = 1 if example i is class j
 *                   [0, 0, 1],
 *                   [0, 1, 0]]
 *
 * These helpers check a target against pred and return it as flat rows of numbers, so each
 * loss has a single code path. Soft labels (rows like [0.9, 0.05, 0.05]) are accepted too.
 */

/** Tolerance for "each target row sums to 1". */
const ROW_SUM_TOLERANCE = 1e-6;

/** pred must be [batch, classes]: one row of class scores per example. */
export function checkClassPrediction(caller: string, pred: Tensor): void {
  if (pred.rank !== 2) {
    throw new Error(
      `${caller}: pred is ${formatShape(pred.shape)}; expected [batch, classes], one row of class scores per example`,
    );
  }
}

/** The target of a [N, C] pred as N rows of C numbers, each row a probability distribution. */
export function classTargetRows(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  const [batchSize, classes] = pred.shape;
  if (target instanceof Tensor) {
    if (target.rank !== 2 || target.shape[0] !== batchSize || target.shape[1] !== classes) {
      throw new Error(
        `${caller}: pred is ${formatShape(pred.shape)} but target is ${formatShape(target.shape)}; ` +
          `expected one-hot rows ${formatShape(pred.shape)} or ${batchSize} class indices`,
      );
    }
    checkProbabilities(caller, "target", target, " (one-hot rows or soft labels)");
    for (let row = 0; row < batchSize; row++) {
      let rowSum = 0;
      for (let j = 0; j < classes; j++) rowSum += target.data[row * classes + j];
      if (Math.abs(rowSum - 1) > ROW_SUM_TOLERANCE) {
        throw new Error(
          `${caller}: target row ${row} sums to ${rowSum}; expected each row to be a distribution over the ` +
            `${classes} classes (one-hot, or soft labels summing to 1)`,
        );
      }
    }
    return target.data;
  }
  const labels = checkLabelArray(caller, target, batchSize, `pred has ${batchSize} rows`);
  const rows = new Float64Array(batchSize * classes);
  for (let row = 0; row < batchSize; row++) {
    const label = labels[row];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(
        `${caller}: label ${label} in row ${row} is out of range; expected a class index in 0 … ${classes - 1} ` +
          `(pred has ${classes} classes)`,
      );
    }
    rows[row * classes + label] = 1;
  }
  return rows;
}

/**
 * The target of a binary loss, one value in [0, 1] per element of pred: either a tensor of
 * pred's shape (0/1 labels or soft probabilities), or 0/1 labels for a [N] or [N, 1] pred.
 */
export function binaryTargetValues(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  if (target instanceof Tensor) {
    checkSameShapeTarget(caller, pred, target);
    checkProbabilities(caller, "target", target, " (0/1 labels or soft labels)");
    return target.data;
  }
  const isColumn = pred.rank === 1 || (pred.rank === 2 && pred.shape[1] === 1);
  if (!isColumn) {
    throw new Error(
      `${caller}: pred is ${formatShape(pred.shape)} and target is ${describeValue(target)}; ` +
        `0/1 labels fit a [N] or [N, 1] pred — for more outputs pass a target tensor of pred's shape`,
    );
  }
  const labels = checkLabelArray(caller, target, pred.shape[0], `pred is ${formatShape(pred.shape)}`);
  const values = new Float64Array(labels.length);
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row];
    if (label !== 0 && label !== 1) {
      throw new Error(`${caller}: label ${label} in row ${row} is out of range; expected 0 or 1`);
    }
    values[row] = label;
  }
  return values;
}

/** target must be an array of labels (Int32Array or number[]), one per row. */
function checkLabelArray(caller: string, target: LossTarget, batchSize: number, context: string): ArrayLike<number> {
  if (!(target instanceof Int32Array) && !Array.isArray(target)) {
    throw new Error(`${caller}: target must be a Tensor or an array of labels; received ${describeValue(target)}`);
  }
  if (target.length !== batchSize) {
    throw new Error(`${caller}: ${context} but target has ${target.length} labels; expected one label per row`);
  }
  return target;
}
