import { checkFraction, checkNonNegative } from "./hyperparameters.ts";
import { OptimizerBase, type ParamState } from "./optimizer.ts";

export interface SGDOptions {
  /** Learning rate γ (default 1e-3, as PyTorch). */
  lr?: number;
  /** Momentum μ (default 0: plain gradient descent). */
  momentum?: number;
  /** Dampening τ: how much of the new gradient the momentum buffer leaves out (default 0). */
  dampening?: number;
  /** Nesterov momentum: step with g + μ·b instead of b (default false). */
  nesterov?: boolean;
  /** L2 weight decay λ, added to the gradient (default 0). */
  weightDecay?: number;
}

interface SGDState extends ParamState {
  /** The momentum buffer b, a running sum of past gradients (empty without momentum). */
  readonly momentumBuffer: Float64Array;
}

/**
 * Stochastic gradient descent with optional momentum, as torch.optim.SGD documents it:
 *
 *   g ← ∇θ + λθ                                          (weight decay)
 *   b ← g on the first step, then b ← μ·b + (1 − τ)·g    (momentum)
 *   g ← g + μ·b  with Nesterov,  g ← b  without
 *   θ ← θ − γ·g
 *
 * With momentum, b is a velocity: gradients that keep pointing the same way add up (up to
 * 1/(1 − μ) times one gradient, 10× at μ = 0.9), while gradients that flip sign cancel.
 * Nesterov's g + μ·b looks one momentum step ahead, which damps the overshoot.
 */
export class SGD extends OptimizerBase<SGDState> {
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;

  constructor(options: SGDOptions = {}) {
    const { lr = 1e-3, momentum = 0, dampening = 0, nesterov = false, weightDecay = 0 } = options;
    super("SGD", lr);
    checkNonNegative("SGD", "momentum", momentum);
    checkFraction("SGD", "dampening", dampening);
    checkNonNegative("SGD", "weightDecay", weightDecay);
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw new Error(
        `SGD: nesterov needs momentum > 0 and dampening 0; received momentum ${momentum}, dampening ${dampening}`,
      );
    }
    this.momentum = momentum;
    this.dampening = dampening;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
  }

  protected createState(size: number): SGDState {
    return { step: 0, size, momentumBuffer: new Float64Array(this.momentum > 0 ? size : 0) };
  }

  protected update(theta: Float64Array, grad: Float64Array, state: SGDState): void {
    const { lr } = this;
    const { momentum, dampening, nesterov, weightDecay } = this;
    const buffer = state.momentumBuffer;
    const firstStep = state.step === 1;
    for (let i = 0; i < theta.length; i++) {
      let g = grad[i] + weightDecay * theta[i];
      if (momentum > 0) {
        buffer[i] = firstStep ? g : momentum * buffer[i] + (1 - dampening) * g;
        g = nesterov ? g + momentum * buffer[i] : buffer[i];
      }
      theta[i] -= lr * g;
    }
  }
}
