import { tensor, zeros } from "@gradschool/tensor";
import type { Optimizer } from "./optimizer.ts";
import type { Param } from "./param.ts";

/** A parameter named `name` holding `values`, with a zero gradient of the same shape. */
export function param(values: number[], name = "w"): Param {
  return { name, value: tensor(values), grad: zeros([values.length]) };
}

/**
 * Steps `optimizer` once per entry of `gradients`, with that fixed gradient, starting
 * from `start`, and returns θ after each step: the optimizer's trajectory for a test to
 * compare with a hand calculation.
 */
export function trajectory(optimizer: Optimizer, start: number[], gradients: number[][]): number[][] {
  const w = param(start);
  return gradients.map((gradient) => {
    optimizer.zeroGrad([w]);
    w.grad.data.set(gradient);
    optimizer.step([w]);
    return [...w.value.data];
  });
}
