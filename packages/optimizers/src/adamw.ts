import { checkBetas } from "./adam.ts";
import type { AdamState } from "./adam.ts";
import { checkNonNegative, checkPositive } from "./hyperparameters.ts";
import { OptimizerBase } from "./optimizer.ts";

export interface AdamWOptions {
  /** Learning rate γ (default 1e-3, as PyTorch). */
  lr?: number;
  /** [β₁, β₂] (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** ε in the denominator (default 1e-8). */
  eps?: number;
  /** Decoupled weight decay λ (default 1e-2, as PyTorch). */
  weightDecay?: number;
}

/**
 * AdamW, as torch.optim.AdamW documents it: Adam with the weight decay taken out of the
 * gradient and applied to the weights directly.
 *
 *   θ ← θ − γλ·θ                                  (decoupled decay, first)
 *   m ← β₁·m + (1 − β₁)·g            v ← β₂·v + (1 − β₂)·g²
 *   m̂ ← m / (1 − β₁ᵗ)                v̂ ← v / (1 − β₂ᵗ)
 *   θ ← θ − γ · m̂ / (√v̂ + ε)
 *
 * Why decouple: Adam with weightDecay adds λθ to g, and then divides it by √v̂ like the
 * rest of the gradient, so weights with large gradients are hardly decayed at all. AdamW
 * shrinks every weight by the same fraction γλ per step, as plain SGD's decay does.
 */
export class AdamW extends OptimizerBase<AdamState> {
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;

  constructor(options: AdamWOptions = {}) {
    const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 1e-2 } = options;
    super("AdamW", lr);
    checkBetas("AdamW", betas);
    checkPositive("AdamW", "eps", eps);
    checkNonNegative("AdamW", "weightDecay", weightDecay);
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  protected createState(size: number): AdamState {
    return { step: 0, size, firstMoment: new Float64Array(size), secondMoment: new Float64Array(size) };
  }

  protected update(theta: Float64Array, grad: Float64Array, state: AdamState): void {
    const { lr, eps } = this;
    const [beta1, beta2] = this.betas;
    const decayFactor = 1 - lr * this.weightDecay;
    // Bias corrections folded into two numbers per step, as in Adam (see adam.ts).
    const stepSize = lr / (1 - beta1 ** state.step);
    const inverseRootCorrection2 = 1 / Math.sqrt(1 - beta2 ** state.step);
    const m = state.firstMoment;
    const v = state.secondMoment;
    for (let i = 0; i < theta.length; i++) {
      theta[i] *= decayFactor; // the only line that differs from Adam (which adds λθ to g instead)
      const g = grad[i];
      const mean = beta1 * m[i] + (1 - beta1) * g;
      const meanSquare = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mean;
      v[i] = meanSquare;
      theta[i] -= (stepSize * mean) / (Math.sqrt(meanSquare) * inverseRootCorrection2 + eps);
    }
  }
}
