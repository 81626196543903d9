import { Tensor, formatShape, ones, zeros } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { ForwardContext, Layer } from "@gradschool/backprop";
import { checkFeatures, checkGradOut, checkTensor } from "./layer-checks.ts";

export interface LayerNormOptions {
  /** Added to the variance before the square root, so a constant row doesn't divide by 0 (default 1e-5, PyTorch's). */
  eps?: number;
  /** Prefix of the parameter names, "ln1" → "ln1.gamma" (default layerNorm1, layerNorm2, … in order made). */
  name?: string;
}

let layerNormsMade = 0; // numbers the default names, as Keras does

/**
 * Layer normalisation (Ba, Kiros & Hinton 2016): each row — one sample — is shifted and
 * scaled to mean 0, variance 1 over its own F features, then given a learned per-feature
 * scale γ and shift β. Where BatchNorm averages down the batch, LayerNorm averages along
 * the row, so it needs no running statistics, works the same in training and at
 * inference, and works for a batch of 1 (which is why transformers and RNNs use it).
 *
 *   forward    μ = (1/F)·Σⱼ xⱼ     v = (1/F)·Σⱼ (xⱼ − μ)²     (per row; v is the biased variance)
 *              σ = √(v + eps)      x̂ = (x − μ)/σ              y = γ·x̂ + β
 *   backward   ∂L/∂β += Σ_rows g      ∂L/∂γ += Σ_rows g·x̂      (g = gradOut)
 *              with d = g·γ (the gradient reaching x̂), per row:
 *              ∂L/∂x = (1/F)·(1/σ)·(F·d − Σⱼ d − x̂·Σⱼ (d·x̂))
 *
 * It is BatchNorm's formula with the roles of the axes swapped: the sums run over a
 * row's features instead of a feature's batch, and γ sits inside them (it varies along
 * the row). Input [..., features]: [batch, features], or [batch, time, features] for
 * sequences, where each time step is normalised on its own.
 */
export class LayerNorm implements Layer {
  readonly name: string;
  readonly features: number;
  readonly eps: number;
  readonly gamma: Param;
  readonly beta: Param;
  // What backward needs from the last forward: x̂, and 1/σ for each row.
  private normalized: Tensor | undefined;
  private inverseStd: Float64Array | undefined;

  constructor(features: number, options: LayerNormOptions = {}) {
    checkFeatures("LayerNorm", features);
    const { eps = 1e-5 } = options;
    if (!(eps > 0 && Number.isFinite(eps))) {
      throw new Error(`LayerNorm: eps must be a finite number > 0, e.g. 1e-5; received ${eps}`);
    }
    this.name = options.name ?? `layerNorm${++layerNormsMade}`;
    this.features = features;
    this.eps = eps;
    this.gamma = { name: `${this.name}.gamma`, value: ones([features]), grad: zeros([features]) };
    this.beta = { name: `${this.name}.beta`, value: zeros([features]), grad: zeros([features]) };
  }

  /** y = γ·(x − μ)/√(v + eps) + β, with μ and v of each row (the same in training and at inference). */
  forward(x: Tensor, _context?: ForwardContext): Tensor {
    checkTensor("LayerNorm.forward", "x", x);
    this.checkInput("LayerNorm.forward", x.shape);
    const features = this.features;
    const rows = x.size / features;
    const [gamma, beta] = [this.gamma.value.data, this.beta.value.data];
    const normalized = new Float64Array(x.size);
    const inverseStd = new Float64Array(rows);
    const out = new Float64Array(x.size);
    for (let row = 0; row < rows; row++) {
      const start = row * features;
      let mean = 0;
      for (let j = 0; j < features; j++) mean += x.data[start + j] / features;
      let variance = 0;
      for (let j = 0; j < features; j++) variance += (x.data[start + j] - mean) ** 2 / features;
      inverseStd[row] = 1 / Math.sqrt(variance + this.eps);
      for (let j = 0; j < features; j++) {
        normalized[start + j] = (x.data[start + j] - mean) * inverseStd[row];
        out[start + j] = gamma[j] * normalized[start + j] + beta[j];
      }
    }
    this.normalized = new Tensor(normalized, x.shape); // ∂L/∂γ and ∂L/∂x need x̂ and 1/σ
    this.inverseStd = inverseStd;
    return new Tensor(out, x.shape);
  }

  /** ∂L/∂β += Σ g,  ∂L/∂γ += Σ g·x̂;  returns ∂L/∂x = (1/F)·(1/σ)·(F·d − Σd − x̂·Σ d·x̂), d = g·γ. */
  backward(gradOut: Tensor): Tensor {
    const normalized = this.normalized;
    const inverseStd = this.inverseStd;
    if (normalized === undefined || inverseStd === undefined) {
      throw new Error(`LayerNorm.backward: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    checkGradOut("LayerNorm.backward", this.name, gradOut, normalized.shape);
    const features = this.features;
    const gamma = this.gamma.value.data;
    const gradInput = new Float64Array(gradOut.size);
    const gradNormalized = new Float64Array(features); // d = g·γ for the current row
    for (let row = 0; row < inverseStd.length; row++) {
      const start = row * features;
      let sumGrad = 0; // Σⱼ d
      let sumGradNormalized = 0; // Σⱼ d·x̂
      for (let j = 0; j < features; j++) {
        const g = gradOut.data[start + j];
        const xHat = normalized.data[start + j];
        this.beta.grad.data[j] += g;
        this.gamma.grad.data[j] += g * xHat;
        gradNormalized[j] = g * gamma[j];
        sumGrad += gradNormalized[j];
        sumGradNormalized += gradNormalized[j] * xHat;
      }
      const scale = inverseStd[row] / features;
      for (let j = 0; j < features; j++) {
        const xHat = normalized.data[start + j];
        gradInput[start + j] = scale * (features * gradNormalized[j] - sumGrad - xHat * sumGradNormalized);
      }
    }
    return new Tensor(gradInput, gradOut.shape);
  }

  params(): Param[] {
    return [this.gamma, this.beta];
  }

  /** [..., features] → [..., features] */
  outputShape(inputShape: readonly number[]): number[] {
    this.checkInput("LayerNorm.outputShape", inputShape);
    return [...inputShape];
  }

  /** What save/load needs to rebuild this layer; the weights are gamma and beta. */
  config(): { features: number; eps: number; name: string } {
    return { features: this.features, eps: this.eps, name: this.name };
  }

  private checkInput(caller: string, shape: readonly number[]): void {
    if (shape.length < 2 || shape[shape.length - 1] !== this.features) {
      throw new Error(
        `${caller}: input is ${formatShape(shape)}; expected [batch, ${this.features}] or [batch, …, ${this.features}] ` +
          `(layer "${this.name}" normalises ${this.features} features)`,
      );
    }
  }
}
