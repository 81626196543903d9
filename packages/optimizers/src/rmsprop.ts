import { checkDecayRate, checkNonNegative, checkPositive } from "./hyperparameters.ts";
import { OptimizerBase, type ParamState } from "./optimizer.ts";

export interface RMSpropOptions {
  /** Learning rate γ (default 1e-2, as PyTorch). */
  lr?: number;
  /** α: how much of the old mean square each step keeps (default 0.99). */
  alpha?: number;
  /** ε in the denominator (default 1e-8). */
  eps?: number;
  /** L2 weight decay λ, added to the gradient (default 0). */
  weightDecay?: number;
  /** Momentum μ on the scaled step (default 0). */
  momentum?: number;
  /** Divide by the variance v − ḡ² instead of the mean square v (default false). */
  centered?: boolean;
}

interface RMSpropState extends ParamState {
  /** v: the running mean of g². */
  readonly squareAverage: Float64Array;
  /** ḡ: the running mean of g (centered only). */
  readonly gradAverage: Float64Array;
  /** b: the momentum buffer of scaled steps (momentum only). */
  readonly momentumBuffer: Float64Array;
}

/**
 * RMSprop, as torch.optim.RMSprop documents it:
 *
 *   g ← ∇θ + λθ
 *   v ← α·v + (1 − α)·g²                                  (v starts at 0)
 *   ṽ ← v,  or with centered: ḡ ← α·ḡ + (1 − α)·g,  ṽ ← v − ḡ²
 *   with momentum μ > 0:  b ← μ·b + g / (√ṽ + ε),  θ ← θ − γ·b
 *   otherwise:            θ ← θ − γ · g / (√ṽ + ε)
 *
 * AdaGrad's sum of squares, made to forget: v averages the last ~1/(1 − α) squared
 * gradients (100 at α = 0.99), so the step size follows the gradient's current scale
 * instead of shrinking forever. v is not bias-corrected: the first step divides by
 * √(1 − α)·|g|, a step of γ/√(1 − α) = 10γ at α = 0.99.
 */
export class RMSprop extends OptimizerBase<RMSpropState> {
  readonly alpha: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly momentum: number;
  readonly centered: boolean;

  constructor(options: RMSpropOptions = {}) {
    const { lr = 1e-2, alpha = 0.99, eps = 1e-8, weightDecay = 0, momentum = 0, centered = false } = options;
    super("RMSprop", lr);
    checkDecayRate("RMSprop", "alpha", alpha);
    checkPositive("RMSprop", "eps", eps);
    checkNonNegative("RMSprop", "weightDecay", weightDecay);
    checkNonNegative("RMSprop", "momentum", momentum);
    this.alpha = alpha;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.momentum = momentum;
    this.centered = centered === true;
  }

  protected createState(size: number): RMSpropState {
    return {
      step: 0,
      size,
      squareAverage: new Float64Array(size),
      gradAverage: new Float64Array(this.centered ? size : 0),
      momentumBuffer: new Float64Array(this.momentum > 0 ? size : 0),
    };
  }

  protected update(theta: Float64Array, grad: Float64Array, state: RMSpropState): void {
    const { lr, alpha, eps, weightDecay, momentum, centered } = this;
    const { squareAverage, gradAverage, momentumBuffer } = state;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i] + weightDecay * theta[i];
      squareAverage[i] = alpha * squareAverage[i] + (1 - alpha) * g * g;
      let variance = squareAverage[i];
      if (centered) {
        gradAverage[i] = alpha * gradAverage[i] + (1 - alpha) * g;
        // v ≥ ḡ² holds exactly; max(…, 0) keeps a rounding error from reaching √ as a NaN
        variance = Math.max(variance - gradAverage[i] * gradAverage[i], 0);
      }
      const scaledStep = g / (Math.sqrt(variance) + eps);
      if (momentum > 0) {
        momentumBuffer[i] = momentum * momentumBuffer[i] + scaledStep;
        theta[i] -= lr * momentumBuffer[i];
      } else {
        theta[i] -= lr * scaledStep;
      }
    }
  }
}
