import { type GradientReport, expectGradientsClose } from "@gradschool/gradcheck";
import { Tensor, map, rand, rng } from "@gradschool/tensor";
import type { Loss, LossTarget } from "./loss.ts";

/**
 * Test support (not exported from index.ts).
 *
 * A loss is already a scalar, so its gradient check needs no projection: perturb every
 * element of pred, measure the loss, and compare with backward.
 */
export function expectLossGradient(loss: Loss, pred: Tensor, target: LossTarget): GradientReport {
  return expectGradientsClose((p) => loss.forward(p, target), pred, loss.backward(pred, target));
}

/** Row-wise softmax, written out here so the package's tests do not depend on activations. */
export function softmaxRows(logits: Tensor): Tensor {
  const [rows, classes] = logits.shape;
  const out = new Float64Array(logits.size);
  for (let row = 0; row < rows; row++) {
    const start = row * classes;
    let rowMax = -Infinity;
    for (let j = start; j < start + classes; j++) rowMax = Math.max(rowMax, logits.data[j]);
    let total = 0;
    for (let j = start; j < start + classes; j++) total += (out[j] = Math.exp(logits.data[j] - rowMax));
    for (let j = start; j < start + classes; j++) out[j] /= total;
  }
  return new Tensor(out, logits.shape);
}

/** σ(z) = 1 / (1 + e^(−z)), elementwise (the inputs in these tests are moderate). */
export const sigmoidOf = (z: Tensor): Tensor => map(z, (v) => 1 / (1 + Math.exp(-v)));

/** Seeded probabilities in [low, high], away from the clamp at 0 and 1. */
export function probabilities(shape: readonly number[], seed: number, low = 0.05, high = 0.95): Tensor {
  return rand(shape, rng(seed), low, high);
}
