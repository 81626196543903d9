import { type Tensor, mul } from "@gradschool/tensor";
import type { Sequential } from "@gradschool/backprop";
import { type SaliencyOptions, classScoreGradient } from "./saliency.ts";

/**
 * Gradient × input (Shrikumar et al., 2016): each input element's saliency, weighted by the
 * element itself,
 *
 *   attribution[n, i] = xₙᵢ · ∂ score_c(xₙ) / ∂xₙᵢ
 *
 * the first-order Taylor estimate of how much of the score xₙᵢ is responsible for: setting
 * xₙᵢ to 0 moves the score by about −xₙᵢ·∂score/∂xₙᵢ. For a linear score z = w·x + b it is
 * exact, wᵢxᵢ, and the attributions add up to z − b. For a ReLU network without biases,
 * z is positively homogeneous (z(αx) = α·z(x)), and by Euler's theorem they add up to z itself.
 *
 * Where the input is 0 (the blank paper around a digit) the attribution is 0 whatever the
 * gradient says: it explains the evidence that is there, never the evidence that is missing.
 */
export function gradientTimesInput(model: Sequential, x: Tensor, classIndex: number | ArrayLike<number>, options: SaliencyOptions = {}): Tensor {
  const gradient = classScoreGradient("gradientTimesInput", model, x, classIndex, options);
  return mul(gradient, x);
}
