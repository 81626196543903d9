import { Tensor } from "@gradschool/tensor";
import type { Loss, LossTarget } from "./loss.ts";
import { binaryTargetValues } from "./targets.ts";
import { checkPrediction } from "./validate.ts";

/**
 * Binary cross-entropy on logits z (raw scores, before the sigmoid), labels y ∈ [0, 1]:
 *
 *   L = (1/n) Σᵢ [ max(zᵢ, 0) − zᵢ yᵢ + log(1 + e^(−|zᵢ|)) ]
 *   ∂L/∂zᵢ = (σ(zᵢ) − yᵢ) / n
 *
 * It equals binaryCrossEntropy(σ(z), y) without computing σ(z) first. Substituting
 * σ(z) = 1 / (1 + e^(−z)) into −[y log σ(z) + (1 − y) log(1 − σ(z))] gives
 * log(1 + e^z) − z y, and log(1 + e^z) = max(z, 0) + log(1 + e^(−|z|)) is the form that
 * never overflows: the exponent is never positive. At z = −1000, y = 1 the loss is 1000
 * and the gradient −1/n, where the sigmoid route rounds σ(−1000) to 0 and hits the clamp.
 *
 * The gradient is the whole reason to fuse: the sigmoid's slope σ(1 − σ) cancels against
 * the 1 / (σ(1 − σ)) of the cross-entropy, leaving prediction minus label.
 */
export const bceWithLogits: Loss = {
  name: "bceWithLogits",
  forward(pred, target) {
    const y = checkArgs("bceWithLogits.forward", pred, target);
    let total = 0;
    for (let i = 0; i < pred.size; i++) {
      const z = pred.data[i];
      total += Math.max(z, 0) - z * y[i] + Math.log1p(Math.exp(-Math.abs(z)));
    }
    return total / pred.size;
  },
  backward(pred, target) {
    const y = checkArgs("bceWithLogits.backward", pred, target);
    const grad = new Float64Array(pred.size);
    for (let i = 0; i < pred.size; i++) grad[i] = (stableSigmoid(pred.data[i]) - y[i]) / pred.size;
    return new Tensor(grad, pred.shape);
  },
};

/** σ(z) = 1 / (1 + e^(−z)), written as e^z / (1 + e^z) for z < 0 so e^(−z) never overflows. */
function stableSigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const expZ = Math.exp(z);
  return expZ / (1 + expZ);
}

function checkArgs(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  checkPrediction(caller, pred);
  return binaryTargetValues(caller, pred, target);
}
