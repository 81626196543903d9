import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";
import { checkAlpha } from "./check-alpha.ts";

/**
 * elu(x) = x if x > 0, else α(eˣ − 1);  elu'(x) = 1 if x > 0, else αeˣ
 *
 * Like ReLU for positive inputs, but smooth below zero, where it levels off at −α
 * instead of cutting to 0 (default α = 1, as in PyTorch and Keras). expm1 keeps
 * eˣ − 1 accurate for x near 0.
 */
export function elu(alpha = 1): Activation {
  checkAlpha("elu", alpha);
  const name = `elu(${alpha})`;
  return {
    name,
    forward(x: Tensor): Tensor {
      checkTensor(`${name}.forward`, "x", x);
      return map(x, (xi) => (xi > 0 ? xi : alpha * Math.expm1(xi)));
    },
    backward(x: Tensor, gradOut: Tensor): Tensor {
      checkBackwardArgs(name, x, gradOut);
      return zipMap(x, gradOut, (xi, g) => (xi > 0 ? g : g * alpha * Math.exp(xi)));
    },
  };
}
