import { Tensor, formatShape } from "@gradschool/tensor";
import type { LossTarget } from "@gradschool/losses";
import { confusionCounts } from "@gradschool/viz";

/**
 * A number that says how well predictions match targets, reported next to the loss. The
 * loss is what training minimises; a metric is what a person wants to know ("how many
 * digits did it get right?"), and it need not be differentiable.
 */
export interface Metric {
  readonly name: string;
  compute(pred: Tensor, target: LossTarget): number;
}

/**
 * The fraction of rows whose predicted class is the true class:
 *
 *   accuracy = (1/N) Σᵢ [argmaxⱼ predᵢⱼ = yᵢ]
 *
 * pred is [N, C]: probabilities or logits, it makes no difference, because softmax keeps
 * the order of the scores and so the argmax. The target is N class indices or N one-hot
 * rows (the true class is then the row's argmax). A tie goes to the lower class, as
 * numpy's argmax. It runs once per batch in fit, so it allocates nothing.
 */
export const accuracy: Metric = {
  name: "accuracy",
  compute(pred, target) {
    const [rows, classes] = checkClassScores("accuracy", pred, target);
    let correct = 0;
    for (let row = 0; row < rows; row++) {
      const trueClass = target instanceof Tensor ? argmaxOfRow(target.data, row * classes, classes) : target[row];
      if (argmaxOfRow(pred.data, row * classes, classes) === trueClass) correct++;
    }
    return correct / rows;
  },
};

/**
 * For a single sigmoid output: the fraction of rows where (p ≥ 0.5) equals the 0/1 target.
 * pred is [N] or [N, 1] probabilities; the target is N labels or a tensor of pred's size.
 */
export const binaryAccuracy: Metric = {
  name: "binaryAccuracy",
  compute(pred, target) {
    if (!(pred instanceof Tensor) || !(pred.rank === 1 || (pred.rank === 2 && pred.shape[1] === 1))) {
      throw new Error(`binaryAccuracy: pred is ${describe(pred)}; expected [batch] or [batch, 1] probabilities (for more classes use accuracy)`);
    }
    const labels = target instanceof Tensor ? target.data : target;
    if (labels.length !== pred.size) {
      throw new Error(`binaryAccuracy: pred has ${pred.size} rows but the target has ${labels.length} values; expected one per row`);
    }
    let correct = 0;
    for (let row = 0; row < pred.size; row++) if ((pred.data[row] >= 0.5 ? 1 : 0) === labels[row]) correct++;
    return correct / pred.size;
  },
};

export { confusionCounts };

/**
 * Per class c, from the confusion counts (counts[true][predicted]):
 *
 *   precision_c = counts[c][c] / Σₜ counts[t][c]    of the rows predicted c, the share that are c
 *   recall_c    = counts[c][c] / Σₚ counts[c][p]    of the rows that are c, the share found
 *   f1_c        = 2 · precision · recall / (precision + recall)
 *   support_c   = Σₚ counts[c][p]                   how many rows are c
 *
 * Accuracy hides a class the model never gets right; these two show it. A class never
 * predicted has precision 0/0 and a class never present has recall 0/0: both are NaN
 * here, because the share is undefined (scikit-learn reports 0 with a warning).
 */
export function precisionRecall(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classes: number,
): { precision: number[]; recall: number[]; f1: number[]; support: number[] } {
  const counts = confusionCounts(labels, predictions, classes);
  const support = counts.map((row) => row.reduce((total, count) => total + count, 0));
  const predicted = counts.map((_, column) => counts.reduce((total, row) => total + row[column], 0));
  const precision = counts.map((row, c) => row[c] / predicted[c]);
  const recall = counts.map((row, c) => row[c] / support[c]);
  const f1 = precision.map((p, c) => (2 * p * recall[c]) / (p + recall[c]));
  return { precision, recall, f1, support };
}

/** The index of the largest of data[start … start + count); the first one on a tie. */
function argmaxOfRow(data: Float64Array, start: number, count: number): number {
  let best = 0;
  for (let j = 1; j < count; j++) if (data[start + j] > data[start + best]) best = j;
  return best;
}

/** pred must be [N, C]; the target N labels or an [N, C] tensor. Returns [N, C]. */
function checkClassScores(caller: string, pred: Tensor, target: LossTarget): [number, number] {
  if (!(pred instanceof Tensor) || pred.rank !== 2) {
    throw new Error(
      `${caller}: pred is ${describe(pred)}; expected [batch, classes] scores (for one sigmoid output use binaryAccuracy)`,
    );
  }
  const [rows, classes] = pred.shape;
  if (target instanceof Tensor) {
    if (target.rank !== 2 || target.shape[0] !== rows || target.shape[1] !== classes) {
      throw new Error(`${caller}: pred is ${formatShape(pred.shape)} but the target is ${formatShape(target.shape)}; expected one-hot rows of the same shape or ${rows} class indices`);
    }
  } else if (target?.length !== rows) {
    throw new Error(`${caller}: pred has ${rows} rows but the target has ${describe(target)}; expected ${rows} class indices`);
  }
  return [rows, classes];
}

function describe(value: unknown): string {
  if (value instanceof Tensor) return formatShape(value.shape);
  if (value instanceof Int32Array || Array.isArray(value)) return `${value.length} values`;
  return value === null ? "null" : typeof value;
}
