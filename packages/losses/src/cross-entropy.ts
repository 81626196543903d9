import { Tensor } from "@gradschool/tensor";
import type { Loss, LossTarget } from "./loss.ts";
import { checkClassPrediction, classTargetRows } from "./targets.ts";
import { checkPrediction, checkProbabilities } from "./validate.ts";

/**
 * Cross-entropy on probabilities p [N, C] (e.g. a softmax output), targets y as one-hot
 * rows or class indices:
 *
 *   L = −(1/N) Σᵢ Σⱼ yᵢⱼ log pᵢⱼ          (a term with yᵢⱼ = 0 is 0, even where pᵢⱼ = 0)
 *   ∂L/∂pᵢⱼ = −yᵢⱼ / (N pᵢⱼ)             (0 where yᵢⱼ = 0)
 *
 * With one-hot targets each row contributes −log(probability of the true class): 0 for a
 * certain right answer, growing without bound as that probability goes to 0.
 *
 * No clamp. If the true class has probability exactly 0 the loss is Infinity and the
 * gradient −Infinity, and backpropagating that through softmax gives NaN. This is not a
 * bug to paper over: softmax(±1000) really does round to exactly 0 and 1. The cure is to
 * never form the probabilities — softmaxCrossEntropy works on the logits.
 */
export const crossEntropy: Loss = {
  name: "crossEntropy",
  forward(pred, target) {
    const y = checkArgs("crossEntropy.forward", pred, target);
    let total = 0;
    for (let i = 0; i < pred.size; i++) {
      if (y[i] !== 0) total -= y[i] * Math.log(pred.data[i]);
    }
    return total / pred.shape[0];
  },
  backward(pred, target) {
    const y = checkArgs("crossEntropy.backward", pred, target);
    const batchSize = pred.shape[0];
    const grad = new Float64Array(pred.size);
    for (let i = 0; i < pred.size; i++) {
      if (y[i] !== 0) grad[i] = -y[i] / (batchSize * pred.data[i]);
    }
    return new Tensor(grad, pred.shape);
  },
};

function checkArgs(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  checkPrediction(caller, pred);
  checkClassPrediction(caller, pred);
  checkProbabilities(caller, "pred", pred, " — for logits (raw scores) use softmaxCrossEntropy");
  return classTargetRows(caller, pred, target);
}
