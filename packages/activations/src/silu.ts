import type { Tensor } from "@gradschool/tensor";
import { map, zipMap } from "@gradschool/tensor";
import type { Activation } from "./activation.ts";
import { checkBackwardArgs, checkTensor } from "./activation.ts";
import { sigmoidOf } from "./sigmoid.ts";

/**
 * silu(x) = x·σ(x);  silu'(x) = σ(x) + x·σ(x)(1 − σ(x))   (product rule)
 *
 * Also called swish (with β = 1). Smooth, slightly negative for x < 0 (minimum about
 * −0.278 near x = −1.278), and close to relu for large |x|.
 */
export const silu: Activation = {
  name: "silu",
  forward(x: Tensor): Tensor {
    checkTensor("silu.forward", "x", x);
    return map(x, (xi) => xi * sigmoidOf(xi));
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("silu", x, gradOut);
    return zipMap(x, gradOut, (xi, g) => {
      const s = sigmoidOf(xi);
      return g * (s + xi * s * (1 - s));
    });
  },
};

/** swish is another name for silu: the same object. */
export const swish: Activation = silu;
