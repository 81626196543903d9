import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";

/**
 * exponential(x) = eˣ;  exponential'(x) = eˣ
 *
 * Keras's "exponential" activation: a positive output, e.g. a rate or a scale. It is
 * its own derivative. Beware: e^x overflows to Infinity for x > ~709.78.
 */
export const exponential: Activation = {
  name: "exponential",
  forward(x: Tensor): Tensor {
    checkTensor("exponential.forward", "x", x);
    return map(x, Math.exp);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("exponential", x, gradOut);
    return zipMap(x, gradOut, (xi, g) => g * Math.exp(xi));
  },
};
