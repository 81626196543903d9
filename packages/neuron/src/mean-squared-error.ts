import { Tensor } from "@gradschool/tensor";
import type { NeuronLoss } from "./loss.ts";
import { sigmoid, sigmoidDerivative } from "./sigmoid.ts";
import { type Targets, checkPreActivations, checkTargets } from "./validate.ts";

/**
 * Mean squared error of the probabilities, the mean over the batch, with aᵢ = σ(zᵢ):
 *
 *   L = (1/N) Σᵢ (aᵢ − yᵢ)²
 *   ∂L/∂zᵢ = (2/N) (aᵢ − yᵢ) · σ'(zᵢ)
 *
 * Here σ'(z) does not cancel. When the neuron is confidently wrong (a near 0 for a 1),
 * σ'(z) is near 0 too, so the gradient is tiny exactly when the error is largest: the
 * reason binary cross-entropy is the neuron's main loss.
 */
export const meanSquaredError: NeuronLoss = {
  name: "mean squared error",
  forward(z: Tensor, y: Targets): number {
    checkPreActivations("meanSquaredError.forward", z);
    checkTargets("meanSquaredError.forward", y, z.size);
    let total = 0;
    for (let i = 0; i < z.size; i++) total += (sigmoid(z.data[i]) - y[i]) ** 2;
    return total / z.size;
  },
  backward(z: Tensor, y: Targets): Tensor {
    checkPreActivations("meanSquaredError.backward", z);
    checkTargets("meanSquaredError.backward", y, z.size);
    const gradZ = new Float64Array(z.size);
    for (let i = 0; i < z.size; i++) {
      gradZ[i] = (2 / z.size) * (sigmoid(z.data[i]) - y[i]) * sigmoidDerivative(z.data[i]);
    }
    return new Tensor(gradZ, z.shape);
  },
};
