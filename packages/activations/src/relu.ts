import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";

/**
 * relu(x) = max(0, x);  relu'(x) = 1 if x > 0, else 0
 *
 * The slope is exactly 1 wherever the unit is active, so gradients pass through a deep
 * stack undiminished. At the kink x = 0 we use 0, as PyTorch does. A unit whose input
 * is negative for every example gets no gradient at all: a "dead" ReLU.
 */
export const relu: Activation = {
  name: "relu",
  forward(x: Tensor): Tensor {
    checkTensor("relu.forward", "x", x);
    return map(x, (xi) => (xi > 0 ? xi : 0));
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("relu", x, gradOut);
    return zipMap(x, gradOut, (xi, g) => (xi > 0 ? g : 0));
  },
};
