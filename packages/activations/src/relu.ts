import { Tensor } from "@gradschool/tensor";
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
    // A plain loop, not map(x, fn): relu runs on every hidden unit of every CNN and MLP
    // step, and a loop the JIT compiles once beats a function call per element.
    const out = new Float64Array(x.size);
    for (let i = 0; i < out.length; i++) out[i] = x.data[i] > 0 ? x.data[i] : 0;
    return new Tensor(out, x.shape);
  },
  backward(x: Tensor, gradOut: Tensor): Tensor {
    checkBackwardArgs("relu", x, gradOut);
    const gradIn = new Float64Array(x.size);
    for (let i = 0; i < gradIn.length; i++) gradIn[i] = x.data[i] > 0 ? gradOut.data[i] : 0;
    return new Tensor(gradIn, x.shape);
  },
};
