/**
 * The validation loss split in two: the mean loss on the images a model gets right and on
 * the ones it gets wrong. The loss of one image is −log p(true digit), so
 *
 *   validation loss = (right · meanLossRight + wrong · meanLossWrong) / (right + wrong)
 *
 * A model that grows surer of its answers lowers the first mean and raises the second;
 * the accuracy (right / total) need not change at all.
 */
import { softmaxCrossEntropy } from "@gradschool/losses";
import type { Sequential } from "@gradschool/mlp";
import { Tensor, argmax } from "@gradschool/tensor";

export interface RightAndWrong {
  right: { count: number; meanLoss: number };
  wrong: { count: number; meanLoss: number };
}

export function lossOnRightAndWrong(model: Sequential, x: Tensor, labels: Int32Array): RightAndWrong {
  const logits = model.predict(x);
  const classes = logits.shape[1];
  const predicted = argmax(logits, 1);
  const sums = { right: 0, wrong: 0 };
  const counts = { right: 0, wrong: 0 };
  for (let row = 0; row < labels.length; row++) {
    const rowLogits = new Tensor(logits.data.subarray(row * classes, (row + 1) * classes), [1, classes]);
    const side = predicted[row] === labels[row] ? "right" : "wrong";
    sums[side] += softmaxCrossEntropy.forward(rowLogits, labels.subarray(row, row + 1));
    counts[side] += 1;
  }
  return {
    right: { count: counts.right, meanLoss: sums.right / counts.right },
    wrong: { count: counts.wrong, meanLoss: sums.wrong / counts.wrong },
  };
}
