import { Tensor } from "@gradschool/tensor";
import type { NeuronLoss } from "./loss.ts";
import { sigmoid } from "./sigmoid.ts";
import { type Targets, checkPreActivations, checkTargets } from "./validate.ts";

/**
 * Binary cross-entropy, the mean over the batch, with aᵢ = σ(zᵢ):
 *
 *   L = −(1/N) Σᵢ [ yᵢ ln aᵢ + (1 − yᵢ) ln(1 − aᵢ) ]
 *   ∂L/∂zᵢ = (aᵢ − yᵢ) / N
 *
 * The derivative is that simple because σ'(z) = a(1 − a) cancels the 1/(a(1 − a)) that
 * the logarithms bring (the lesson 01 README derives it step by step).
 *
 * Computed from z: −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z), where
 * softplus(t) = ln(1 + eᵗ) = max(t, 0) + ln(1 + e^−|t|). No log of 0 can happen, so a
 * confident wrong answer at z = −1000 costs 1000, not Infinity.
 */
export const binaryCrossEntropy: NeuronLoss = {
  name: "binary cross-entropy",
  forward(z: Tensor, y: Targets): number {
    checkPreActivations("binaryCrossEntropy.forward", z);
    checkTargets("binaryCrossEntropy.forward", y, z.size);
    let total = 0;
    for (let i = 0; i < z.size; i++) {
      total += y[i] * softplus(-z.data[i]) + (1 - y[i]) * softplus(z.data[i]);
    }
    return total / z.size;
  },
  backward(z: Tensor, y: Targets): Tensor {
    checkPreActivations("binaryCrossEntropy.backward", z);
    checkTargets("binaryCrossEntropy.backward", y, z.size);
    const gradZ = new Float64Array(z.size);
    for (let i = 0; i < z.size; i++) gradZ[i] = (sigmoid(z.data[i]) - y[i]) / z.size;
    return new Tensor(gradZ, z.shape);
  },
};

/** softplus(t) = ln(1 + eᵗ), written so that eᵗ is never taken of a large positive t. */
function softplus(t: number): number {
  return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
}
