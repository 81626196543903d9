import { type Tensor, map, mul, randn, rng, sum } from "@gradschool/tensor";
import { type GradientReport, expectGradientsClose } from "@gradschool/gradcheck";
import type { Activation } from "./activation.ts";

/**
 * Test support (not exported from index.ts): the gradient check every activation's test
 * runs, written once.
 *
 * A random projection R turns the output into the scalar L = Σ f(x) ⊙ R, so ∂L/∂out = R
 * and the analytic gradient is backward(x, R). Central differences of L then check every
 * element of x. R must be random: with R = 1, softmax's L is the constant 1 and any
 * gradient that sums to zero per row would pass.
 */
export function expectActivationGradient(activation: Activation, x: Tensor, seed = 1): GradientReport {
  const projection = randn(x.shape, rng(seed));
  const loss = (input: Tensor): number => sum(mul(activation.forward(input), projection));
  return expectGradientsClose(loss, x, activation.backward(x, projection));
}

/** Seeded N(0, std²) inputs pushed at least `gap` away from 0, where relu-like kinks sit. */
export function inputsAwayFromZero(shape: readonly number[], seed: number, std = 2, gap = 0.1): Tensor {
  return map(randn(shape, rng(seed), std), (value) => (value < 0 ? value - gap : value + gap));
}
