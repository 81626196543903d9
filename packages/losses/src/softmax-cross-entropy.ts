import { Tensor } from "@gradschool/tensor";
import type { Loss, LossTarget } from "./loss.ts";
import { checkClassPrediction, classTargetRows } from "./targets.ts";
import { checkPrediction } from "./validate.ts";

/**
 * Softmax and cross-entropy fused, on logits z [N, C] (raw class scores), targets y as
 * one-hot rows or class indices:
 *
 *   L = −(1/N) Σᵢ Σⱼ yᵢⱼ log softmax(zᵢ)ⱼ = (1/N) Σᵢ ( lseᵢ − Σⱼ yᵢⱼ zᵢⱼ )
 *   ∂L/∂zᵢⱼ = (softmax(zᵢ)ⱼ − yᵢⱼ) / N
 *
 * where lseᵢ = log Σⱼ e^(zᵢⱼ) is computed stably as mᵢ + log Σⱼ e^(zᵢⱼ − mᵢ), mᵢ = maxⱼ zᵢⱼ:
 * every exponent is ≤ 0, so nothing overflows, and the largest term is e⁰ = 1, so the log
 * never sees 0. (The second form of L uses Σⱼ yᵢⱼ = 1, which the target check enforces.)
 *
 * Why fuse? Chained, softmax's Jacobian sᵢ(δᵢⱼ − sⱼ) meets cross-entropy's −y/s, and the
 * s cancels: what is left is s − y (lesson 03 derives it). Working from the logits also
 * means log softmax is never log 0: logits [1000, −1000] with the second class true give
 * the loss 2000 and the gradient [1, −1], where softmax first and then crossEntropy gives
 * Infinity and NaN.
 */
export const softmaxCrossEntropy: Loss = {
  name: "softmaxCrossEntropy",
  forward(pred, target) {
    const y = checkArgs("softmaxCrossEntropy.forward", pred, target);
    const [batchSize, classes] = pred.shape;
    let total = 0;
    for (let row = 0; row < batchSize; row++) {
      const start = row * classes;
      let targetDotLogits = 0; // Σⱼ yᵢⱼ zᵢⱼ
      for (let j = start; j < start + classes; j++) targetDotLogits += y[j] * pred.data[j];
      total += logSumExp(pred.data, start, classes) - targetDotLogits;
    }
    return total / batchSize;
  },
  backward(pred, target) {
    const y = checkArgs("softmaxCrossEntropy.backward", pred, target);
    const [batchSize, classes] = pred.shape;
    const grad = new Float64Array(pred.size);
    for (let row = 0; row < batchSize; row++) {
      const start = row * classes;
      const lse = logSumExp(pred.data, start, classes);
      for (let j = start; j < start + classes; j++) {
        const softmaxValue = Math.exp(pred.data[j] - lse); // e^(z − lse) = e^z / Σ e^z, never overflows
        grad[j] = (softmaxValue - y[j]) / batchSize;
      }
    }
    return new Tensor(grad, pred.shape);
  },
};

/** log Σⱼ e^(zⱼ) over data[start … start + count), as m + log Σⱼ e^(zⱼ − m) with m = max zⱼ. */
function logSumExp(data: Float64Array, start: number, count: number): number {
  let rowMax = -Infinity;
  for (let j = start; j < start + count; j++) rowMax = Math.max(rowMax, data[j]);
  let total = 0;
  for (let j = start; j < start + count; j++) total += Math.exp(data[j] - rowMax);
  return rowMax + Math.log(total);
}

function checkArgs(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  checkPrediction(caller, pred);
  checkClassPrediction(caller, pred);
  return classTargetRows(caller, pred, target);
}
