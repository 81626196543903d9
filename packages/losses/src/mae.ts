import { mean, zipMap } from "@gradschool/tensor";
import type { Loss } from "./loss.ts";
import { checkPrediction, checkSameShapeTarget } from "./validate.ts";

/**
 * Mean absolute error:
 *
 *   L = (1/n) Σᵢ |predᵢ − targetᵢ|
 *   ∂L/∂predᵢ = sign(predᵢ − targetᵢ) / n      (0 where predᵢ = targetᵢ)
 *
 * Every unit of error costs the same, so one wild outlier cannot dominate the loss the way
 * it does under mse. The price: the gradient has the same size ±1/n however close the
 * prediction is, and |r| has a kink at r = 0, where we use 0 (as PyTorch does).
 */
export const mae: Loss = {
  name: "mae",
  forward(pred, target) {
    checkPrediction("mae.forward", pred);
    checkSameShapeTarget("mae.forward", pred, target);
    return mean(zipMap(pred, target, (p, t) => Math.abs(p - t)));
  },
  backward(pred, target) {
    checkPrediction("mae.backward", pred);
    checkSameShapeTarget("mae.backward", pred, target);
    return zipMap(pred, target, (p, t) => Math.sign(p - t) / pred.size);
  },
};
