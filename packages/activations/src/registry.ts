import type { Activation } from "./activation.ts";
import { elu } from "./elu.ts";
import { exponential } from "./exponential.ts";
import { gelu } from "./gelu.ts";
import { leakyRelu } from "./leaky-relu.ts";
import { linear } from "./linear.ts";
import { relu } from "./relu.ts";
import { sigmoid } from "./sigmoid.ts";
import { silu } from "./silu.ts";
import { softmax } from "./softmax.ts";
import { softplus } from "./softplus.ts";
import { tanh } from "./tanh.ts";

/**
 * Every activation in this package, the factories at their default α, in the order a
 * lesson meets them. Iterate it to plot or check them all.
 */
export const activations: readonly Activation[] = Object.freeze([
  linear,
  sigmoid,
  tanh,
  relu,
  leakyRelu(),
  elu(),
  softplus,
  gelu,
  silu,
  exponential,
  softmax,
]);

/** The activation with this name ("relu", "elu(1)", …), or an error listing the names. */
export function getActivation(name: string): Activation {
  const found = activations.find((activation) => activation.name === name);
  if (found === undefined) {
    const names = activations.map((activation) => `"${activation.name}"`).join(", ");
    throw new Error(`getActivation: no activation named ${JSON.stringify(name)}; expected one of ${names}`);
  }
  return found;
}
