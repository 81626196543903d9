import { Tensor } from "@gradschool/tensor";
import type { Loss, LossTarget } from "./loss.ts";
import { binaryTargetValues } from "./targets.ts";
import { checkPrediction, checkProbabilities } from "./validate.ts";

/**
 * How far probabilities are clamped from 0 and 1 before the logarithm: 1e-7, Keras's
 * epsilon. It caps the loss of one element at −log(1e-7) ≈ 16.12 instead of Infinity.
 */
export const BCE_EPSILON = 1e-7;

/**
 * Binary cross-entropy on probabilities p ∈ [0, 1] (e.g. a sigmoid output), labels y ∈ [0, 1]:
 *
 *   p̂ = clamp(p, ε, 1 − ε)
 *   L = −(1/n) Σᵢ [ yᵢ log p̂ᵢ + (1 − yᵢ) log(1 − p̂ᵢ) ]
 *   ∂L/∂pᵢ = (1/n) (p̂ᵢ − yᵢ) / (p̂ᵢ (1 − p̂ᵢ))     where ε ≤ pᵢ ≤ 1 − ε
 *            0                                 where pᵢ was clamped
 *
 * It is the negative log of the probability the model gave to what happened: p when
 * y = 1, 1 − p when y = 0. A confident wrong answer costs a lot (p = 0.01 for a 1 costs
 * 4.6), a confident right one almost nothing.
 *
 * At the clamp. A p below ε or above 1 − ε is replaced by the bound, so the loss is flat
 * there and its true gradient is 0 — backward returns exactly that (as Keras's clip does),
 * so forward and backward always agree. A p of exactly 0 for a label of 1 therefore gets
 * no push at all. When the probabilities come from a sigmoid, use bceWithLogits instead:
 * it never clamps, and its gradient σ(z) − y stays informative at any logit.
 */
export const binaryCrossEntropy: Loss = {
  name: "binaryCrossEntropy",
  forward(pred, target) {
    const y = checkArgs("binaryCrossEntropy.forward", pred, target);
    let total = 0;
    for (let i = 0; i < pred.size; i++) {
      const p = clampProbability(pred.data[i]);
      total -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
    }
    return total / pred.size;
  },
  backward(pred, target) {
    const y = checkArgs("binaryCrossEntropy.backward", pred, target);
    const grad = new Float64Array(pred.size);
    for (let i = 0; i < pred.size; i++) {
      const p = pred.data[i];
      if (p < BCE_EPSILON || p > 1 - BCE_EPSILON) continue; // clamped: the loss is flat here
      grad[i] = (p - y[i]) / (p * (1 - p)) / pred.size;
    }
    return new Tensor(grad, pred.shape);
  },
};

const clampProbability = (p: number): number => Math.min(Math.max(p, BCE_EPSILON), 1 - BCE_EPSILON);

function checkArgs(caller: string, pred: Tensor, target: LossTarget): Float64Array {
  checkPrediction(caller, pred);
  checkProbabilities(caller, "pred", pred, " — for logits (raw scores) use bceWithLogits");
  return binaryTargetValues(caller, pred, target);
}
