import { Tensor, formatShape, ones, zeros } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { ForwardContext, Layer } from "@gradschool/backprop";
import { checkFeatures, checkGradOut, checkTensor } from "./layer-checks.ts";

export interface BatchNormOptions {
  /** Weight of the new batch in the running statistics (default 0.1, PyTorch's; Keras's momentum 0.99 is 1 − this). */
  momentum?: number;
  /** Added to the variance before the square root, so a constant feature doesn't divide by 0 (default 1e-5). */
  eps?: number;
  /** Prefix of the parameter names, "bn1" → "bn1.gamma" (default batchNorm1, batchNorm2, … in order made). */
  name?: string;
}

let batchNormsMade = 0; // numbers the default names, as Keras does

/**
 * Batch normalisation (Ioffe & Szegedy 2015) over the batch axis of x [N, features]: each
 * feature is shifted and scaled to mean 0, variance 1 across the batch, then given a
 * learned scale γ and shift β, so every layer after it sees inputs of a steady scale.
 *
 *   forward    μ = (1/N)·Σₙ xₙ     v = (1/N)·Σₙ (xₙ − μ)²     (per feature; v is the biased variance)
 *              σ = √(v + eps)      x̂ = (x − μ)/σ              y = γ·x̂ + β
 *   backward   ∂L/∂β += Σₙ g      ∂L/∂γ += Σₙ g·x̂      (g = gradOut)
 *              ∂L/∂x  = (1/N)·γ/σ·(N·g − Σₙ g − x̂·Σₙ (g·x̂))
 *
 * The input gradient has three terms because every xₙ reaches the loss three ways: through
 * its own x̂ₙ (the N·g), through μ, which shifts every x̂ (the −Σg), and through v, which
 * scales every x̂ (the −x̂·Σ g·x̂). Dropping the last two, as if μ and σ were constants, is
 * the classic bug; the gradient check catches it.
 *
 * Training uses the batch's own statistics and updates the running ones, as PyTorch does:
 *   running = (1 − momentum)·running + momentum·batch statistic
 * where the running variance takes the *unbiased* batch variance v·N/(N − 1). Inference
 * (training false) normalises with the running statistics instead, so a prediction
 * depends on its own input only, not on the rest of its batch; backward is then the
 * plain ∂L/∂x = g·γ/σ_running.
 */
export class BatchNorm implements Layer {
  readonly name: string;
  readonly features: number;
  readonly momentum: number;
  readonly eps: number;
  readonly gamma: Param;
  readonly beta: Param;
  /** The running mean of each feature, used at inference (starts at 0, updated in place). */
  readonly runningMean: Tensor;
  /** The running (unbiased) variance of each feature, used at inference (starts at 1, updated in place). */
  readonly runningVar: Tensor;
  // What backward needs from the last forward: x̂, 1/σ per feature, and which formula applies.
  private normalized: Tensor | undefined;
  private inverseStd: Float64Array | undefined;
  private usedBatchStats = false;

  constructor(features: number, options: BatchNormOptions = {}) {
    checkFeatures("BatchNorm", features);
    const { momentum = 0.1, eps = 1e-5 } = options;
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new Error(`BatchNorm: momentum must be in [0, 1], the weight of each new batch (PyTorch's 0.1); received ${momentum}`);
    }
    if (!(eps > 0 && Number.isFinite(eps))) {
      throw new Error(`BatchNorm: eps must be a finite number > 0, e.g. 1e-5; received ${eps}`);
    }
    this.name = options.name ?? `batchNorm${++batchNormsMade}`;
    this.features = features;
    this.momentum = momentum;
    this.eps = eps;
    this.gamma = { name: `${this.name}.gamma`, value: ones([features]), grad: zeros([features]) };
    this.beta = { name: `${this.name}.beta`, value: zeros([features]), grad: zeros([features]) };
    this.runningMean = zeros([features]);
    this.runningVar = ones([features]);
  }

  /** y = γ·(x − μ)/√(v + eps) + β, with μ, v from the batch (training) or the running statistics (inference). */
  forward(x: Tensor, context?: ForwardContext): Tensor {
    checkTensor("BatchNorm.forward", "x", x);
    this.checkInput("BatchNorm.forward", x.shape);
    const [batchSize, features] = x.shape;
    const training = context?.training === true;
    if (training && batchSize < 2) {
      throw new Error(
        `BatchNorm.forward: x is ${formatShape(x.shape)}, a batch of ${batchSize} in training mode (layer "${this.name}"); ` +
          `expected at least 2 rows, since the variance of one sample is undefined — use a larger batch, or { training: false }`,
      );
    }
    const mean = training ? new Float64Array(features) : this.runningMean.data;
    const variance = training ? new Float64Array(features) : this.runningVar.data;
    if (training) {
      for (let row = 0; row < batchSize; row++) {
        for (let j = 0; j < features; j++) mean[j] += x.data[row * features + j] / batchSize;
      }
      for (let row = 0; row < batchSize; row++) {
        for (let j = 0; j < features; j++) variance[j] += (x.data[row * features + j] - mean[j]) ** 2 / batchSize;
      }
      this.updateRunningStats(mean, variance, batchSize);
    }
    const inverseStd = variance.map((v) => 1 / Math.sqrt(v + this.eps));
    const normalized = new Float64Array(x.size);
    const out = new Float64Array(x.size);
    const [gamma, beta] = [this.gamma.value.data, this.beta.value.data];
    for (let i = 0; i < x.size; i++) {
      const j = i % features;
      normalized[i] = (x.data[i] - mean[j]) * inverseStd[j];
      out[i] = gamma[j] * normalized[i] + beta[j];
    }
    this.normalized = new Tensor(normalized, x.shape); // ∂L/∂γ and ∂L/∂x need x̂ and 1/σ
    this.inverseStd = inverseStd;
    this.usedBatchStats = training;
    return new Tensor(out, x.shape);
  }

  /** ∂L/∂β += Σ g,  ∂L/∂γ += Σ g·x̂;  returns ∂L/∂x (the three-term formula in training, g·γ/σ at inference). */
  backward(gradOut: Tensor): Tensor {
    const normalized = this.normalized;
    const inverseStd = this.inverseStd;
    if (normalized === undefined || inverseStd === undefined) {
      throw new Error(`BatchNorm.backward: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    checkGradOut("BatchNorm.backward", this.name, gradOut, normalized.shape);
    const [batchSize, features] = normalized.shape;
    const sumGrad = new Float64Array(features); // Σₙ g, per feature
    const sumGradNormalized = new Float64Array(features); // Σₙ g·x̂, per feature
    for (let i = 0; i < gradOut.size; i++) {
      const j = i % features;
      sumGrad[j] += gradOut.data[i];
      sumGradNormalized[j] += gradOut.data[i] * normalized.data[i];
    }
    for (let j = 0; j < features; j++) {
      this.beta.grad.data[j] += sumGrad[j];
      this.gamma.grad.data[j] += sumGradNormalized[j];
    }
    const gamma = this.gamma.value.data;
    const gradInput = new Float64Array(gradOut.size);
    for (let i = 0; i < gradOut.size; i++) {
      const j = i % features;
      const scale = gamma[j] * inverseStd[j];
      gradInput[i] = this.usedBatchStats
        ? (scale / batchSize) * (batchSize * gradOut.data[i] - sumGrad[j] - normalized.data[i] * sumGradNormalized[j])
        : scale * gradOut.data[i]; // the running statistics are constants here
    }
    return new Tensor(gradInput, gradOut.shape);
  }

  params(): Param[] {
    return [this.gamma, this.beta];
  }

  /** [batch, features] → [batch, features] */
  outputShape(inputShape: readonly number[]): number[] {
    this.checkInput("BatchNorm.outputShape", inputShape);
    return [...inputShape];
  }

  /** What save/load needs to rebuild this layer; the weights are gamma, beta, runningMean and runningVar. */
  config(): { features: number; momentum: number; eps: number; name: string } {
    return { features: this.features, momentum: this.momentum, eps: this.eps, name: this.name };
  }

  /** running = (1 − momentum)·running + momentum·batch statistic; the variance unbiased, ·N/(N − 1). */
  private updateRunningStats(mean: Float64Array, biasedVariance: Float64Array, batchSize: number): void {
    const m = this.momentum;
    for (let j = 0; j < this.features; j++) {
      this.runningMean.data[j] = (1 - m) * this.runningMean.data[j] + m * mean[j];
      const unbiased = (biasedVariance[j] * batchSize) / (batchSize - 1);
      this.runningVar.data[j] = (1 - m) * this.runningVar.data[j] + m * unbiased;
    }
  }

  private checkInput(caller: string, shape: readonly number[]): void {
    if (shape.length !== 2 || shape[1] !== this.features) {
      throw new Error(
        `${caller}: input is ${formatShape(shape)}; expected [batch, ${this.features}] ` +
          `(layer "${this.name}" normalises ${this.features} features)`,
      );
    }
  }
}
