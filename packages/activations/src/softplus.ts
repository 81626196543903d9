import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";
import { sigmoidOf } from "./sigmoid.ts";

/**
 * softplus(x) = ln(1 + eˣ);  softplus'(x) = σ(x)
 *
 * A smooth ReLU. Written naively, e¹⁰⁰⁰ overflows to Infinity, so we use the equal form
 *   ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|)
 * whose exponent is never positive: softplus(1000) is exactly 1000, softplus(−1000) is 0.
 */
export function softplusOf(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

export const softplus: Activation = {
  name: "softplus",
  forward(x: Tensor): Tensor {
    checkTensor("softplus.forward", "x", x);
    return map(x, softplusOf);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("softplus", x, gradOut);
    return zipMap(x, gradOut, (xi, g) => g * sigmoidOf(xi));
  },
};
