import type { Tensor } from "@gradschool/tensor";
import { clone } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";

/**
 * linear(x) = x;  linear'(x) = 1
 *
 * "No activation": what a regression output layer uses. A stack of layers with only
 * linear activations collapses to a single matrix, which is why hidden layers need a
 * non-linear one.
 */
export const linear: Activation = {
  name: "linear",
  forward(x: Tensor): Tensor {
    checkTensor("linear.forward", "x", x);
    return clone(x);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("linear", x, gradOut);
    return clone(gradOut);
  },
};
