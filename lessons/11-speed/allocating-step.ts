/**
 * The reference MLP's training step written the way the maths reads: every operation
 * returns a new tensor. Nothing is wrong with it — it computes exactly the numbers that
 * gradschool's Dense, computeGradients and Adam compute (the lesson checks the weights agree
 * to the last bit) — but every batch allocates 73 arrays, 14 of them as large as the first
 * layer's kernel [784, 128]: 11.8 MB, which the garbage collector must reclaim (lesson step 4).
 *
 *   forward     h = relu(x·W₁ + b₁)        z = h·W₂ + b₂        L = softmaxCrossEntropy(z, y)
 *   backward    g = ∂L/∂z                  ∂W₂ = hᵀ·g            ∂b₂ = Σ_rows g
 *               ∂h = (g·W₂ᵀ) ⊙ [h > 0]     ∂W₁ = xᵀ·∂h           ∂b₁ = Σ_rows ∂h
 *   Adam        m ← β₁m + (1 − β₁)∂θ       v ← β₂v + (1 − β₂)∂θ²
 *               θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
 *
 * The transposes are built (`transpose`), where gradschool's kernels read the operand in
 * transposed order instead; Adam is written with one tensor operation per term, in the
 * order optimizers/src/adam.ts computes it, so the rounding is the same.
 */
import { relu } from "@gradschool/activations";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Tensor, add, div, map, matmul, mul, scale, sub, sum, transpose } from "@gradschool/tensor";
import type { BatchStep } from "./reference-mlp.ts";

const LR = 1e-3;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

export class AllocatingStep implements BatchStep {
  /** [kernel1, bias1, kernel2, bias2]: replaced by new tensors at every step. */
  weights: Tensor[];
  private firstMoments: Tensor[];
  private secondMoments: Tensor[];
  private steps = 0;

  constructor(initialWeights: Tensor[]) {
    this.weights = initialWeights;
    this.firstMoments = initialWeights.map((weight) => scale(weight, 0));
    this.secondMoments = initialWeights.map((weight) => scale(weight, 0));
  }

  step(x: Tensor, labels: Int32Array): number {
    const [W1, b1, W2, b2] = this.weights;
    // Forward: each line makes a new [32, 128] or [32, 10] tensor.
    const hiddenIn = add(matmul(x, W1), b1);
    const hidden = relu.forward(hiddenIn);
    const logits = add(matmul(hidden, W2), b2);
    const loss = softmaxCrossEntropy.forward(logits, labels);
    // Backward: the transposes are built, then multiplied.
    const gradLogits = softmaxCrossEntropy.backward(logits, labels);
    const gradW2 = matmul(transpose(hidden), gradLogits);
    const gradB2 = sum(gradLogits, 0);
    const gradHidden = relu.backward(hiddenIn, matmul(gradLogits, transpose(W2)));
    const gradW1 = matmul(transpose(x), gradHidden); // xᵀ is [784, 32], the product [784, 128]
    const gradB1 = sum(gradHidden, 0);
    this.adam([gradW1, gradB1, gradW2, gradB2]);
    return loss;
  }

  /** One Adam step on every weight; each operation below allocates a tensor the size of θ. */
  private adam(grads: Tensor[]): void {
    this.steps++;
    const stepSize = LR / (1 - BETA1 ** this.steps);
    const inverseRootCorrection2 = 1 / Math.sqrt(1 - BETA2 ** this.steps);
    grads.forEach((grad, index) => {
      const m = add(scale(this.firstMoments[index], BETA1), scale(grad, 1 - BETA1));
      const v = add(scale(this.secondMoments[index], BETA2), mul(scale(grad, 1 - BETA2), grad));
      const denominator = add(scale(map(v, Math.sqrt), inverseRootCorrection2), EPS);
      this.weights[index] = sub(this.weights[index], div(scale(m, stepSize), denominator));
      this.firstMoments[index] = m;
      this.secondMoments[index] = v;
    });
  }
}
