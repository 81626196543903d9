import { mean, zipMap } from "@gradschool/tensor";
import type { Loss } from "./loss.ts";
import { checkPrediction, checkSameShapeTarget } from "./validate.ts";

/**
 * Mean squared error, the regression loss:
 *
 *   L = (1/n) Σᵢ (predᵢ − targetᵢ)²          n = number of elements
 *   ∂L/∂predᵢ = (2/n) (predᵢ − targetᵢ)
 *
 * Squaring makes big errors cost far more than small ones (an error of 10 costs 100 times
 * an error of 1), and the gradient is proportional to the error: it pushes hard when far
 * from the target and gently when close.
 */
export const mse: Loss = {
  name: "mse",
  forward(pred, target) {
    checkPrediction("mse.forward", pred);
    checkSameShapeTarget("mse.forward", pred, target);
    return mean(zipMap(pred, target, (p, t) => (p - t) ** 2));
  },
  backward(pred, target) {
    checkPrediction("mse.backward", pred);
    checkSameShapeTarget("mse.backward", pred, target);
    return zipMap(pred, target, (p, t) => (2 * (p - t)) / pred.size);
  },
};
