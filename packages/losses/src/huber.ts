import { mean, zipMap } from "@gradschool/tensor";
import type { Loss } from "./loss.ts";
import { checkPrediction, checkSameShapeTarget } from "./validate.ts";

/**
 * Huber loss: mse for small errors, mae for large ones. With r = pred − target,
 *
 *   ℓ(r) = ½ r²              if |r| ≤ δ
 *          δ (|r| − ½ δ)      otherwise
 *   L = (1/n) Σᵢ ℓ(rᵢ)
 *
 *   ∂L/∂predᵢ = rᵢ / n            if |rᵢ| ≤ δ
 *               δ · sign(rᵢ) / n  otherwise
 *
 * The two pieces meet at |r| = δ with the same value and the same slope, so the gradient
 * is continuous: it grows with the error up to δ and is capped there, so an outlier pulls
 * no harder than an error of δ. Matches PyTorch's HuberLoss(delta) and Keras's Huber(delta).
 */
export function huber(delta = 1): Loss {
  if (!(delta > 0) || !Number.isFinite(delta)) {
    throw new Error(`huber: delta must be a positive number; received ${delta}`);
  }
  const name = `huber(delta=${delta})`;
  return {
    name,
    forward(pred, target) {
      checkPrediction(`${name}.forward`, pred);
      checkSameShapeTarget(`${name}.forward`, pred, target);
      return mean(
        zipMap(pred, target, (p, t) => {
          const r = Math.abs(p - t);
          return r <= delta ? 0.5 * r * r : delta * (r - 0.5 * delta);
        }),
      );
    },
    backward(pred, target) {
      checkPrediction(`${name}.backward`, pred);
      checkSameShapeTarget(`${name}.backward`, pred, target);
      return zipMap(pred, target, (p, t) => {
        const r = p - t;
        return (Math.abs(r) <= delta ? r : delta * Math.sign(r)) / pred.size;
      });
    },
  };
}
