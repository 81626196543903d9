import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";

/**
 * σ(x) = 1 / (1 + e⁻ˣ);  σ'(x) = σ(x)(1 − σ(x))
 *
 * Squashes any number into (0, 1). Its slope is at most σ'(0) = 1/4, which is why a
 * deep stack of sigmoids learns slowly (lesson 02: vanishing gradients).
 *
 * Stable for any x: for x < 0 we use the equal form eˣ / (1 + eˣ), so e⁻ˣ never
 * overflows. σ(−1000) is 0 and σ(1000) is 1, never NaN.
 */
export function sigmoidOf(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const expX = Math.exp(x);
  return expX / (1 + expX);
}

// #region sigmoid
export const sigmoid: Activation = {
  name: "sigmoid",
  forward(x: Tensor): Tensor {
    checkTensor("sigmoid.forward", "x", x);
    return map(x, sigmoidOf);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("sigmoid", x, gradOut);
    return zipMap(x, gradOut, (xi, g) => {
      const s = sigmoidOf(xi);
      return g * s * (1 - s);
    });
  },
};
// #endregion
