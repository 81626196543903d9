import type { Tensor } from "@gradschool/tensor";
import type { Targets } from "./validate.ts";

/**
 * A loss as the neuron sees it: a function of its pre-activations z = x·w + b (one per
 * example) and the targets, averaged over the batch, with its derivative beside it.
 *
 *   forward(z, y)  = L                      a number
 *   backward(z, y) = ∂L/∂z = [∂L/∂z₁ … ∂L/∂z_N]   a Tensor [batch]
 *
 * The neuron finishes the chain rule: ∂L/∂w = Xᵀ·∂L/∂z and ∂L/∂b = Σᵢ ∂L/∂zᵢ.
 * Taking z, not a = σ(z), lets a loss take the log of σ(z) without ever taking log 0.
 */
export interface NeuronLoss {
  readonly name: string;
  forward(z: Tensor, y: Targets): number;
  backward(z: Tensor, y: Targets): Tensor;
}
