import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";
import { checkAlpha } from "./check-alpha.ts";

/**
 * leakyRelu(x) = x if x > 0, else αx;  leakyRelu'(x) = 1 if x > 0, else α
 *
 * A ReLU with a small slope α (default 0.01, as in PyTorch) for negative inputs, so a
 * unit pushed below zero still gets a gradient and can recover: it cannot die.
 * A factory: leakyRelu(0.2) is an Activation named "leakyRelu(0.2)".
 */
export function leakyRelu(alpha = 0.01): Activation {
  checkAlpha("leakyRelu", alpha);
  const name = `leakyRelu(${alpha})`;
  return {
    name,
    forward(x: Tensor): Tensor {
      checkTensor(`${name}.forward`, "x", x);
      return map(x, (xi) => (xi > 0 ? xi : alpha * xi));
    },
    backward(x: Tensor, gradOut: Tensor): Tensor {
      checkBackwardArgs(name, x, gradOut);
      return zipMap(x, gradOut, (xi, g) => (xi > 0 ? g : alpha * g));
    },
  };
}
