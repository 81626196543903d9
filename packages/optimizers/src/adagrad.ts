import { checkNonNegative, checkPositive } from "./hyperparameters.ts";
import { OptimizerBase, type ParamState } from "./optimizer.ts";

export interface AdagradOptions {
  /** Learning rate γ (default 1e-2, as PyTorch). */
  lr?: number;
  /** η: the rate shrinks as γ / (1 + (t − 1)·η) (default 0: no decay). */
  lrDecay?: number;
  /** L2 weight decay λ, added to the gradient (default 0). */
  weightDecay?: number;
  /** The starting value of every sum of squares (default 0). */
  initialAccumulatorValue?: number;
  /** ε in the denominator, so a zero sum does not divide by 0 (default 1e-10). */
  eps?: number;
}

interface AdagradState extends ParamState {
  /** Σ g², every squared gradient this element has seen. */
  readonly sumOfSquares: Float64Array;
}

/**
 * AdaGrad, as torch.optim.Adagrad documents it:
 *
 *   γ̃ ← γ / (1 + (t − 1)·η)
 *   g ← ∇θ + λθ
 *   s ← s + g²                       (s starts at initialAccumulatorValue)
 *   θ ← θ − γ̃ · g / (√s + ε)
 *
 * Each element gets its own step size: one whose gradients have been large takes small
 * steps, a rarely-moved one takes big steps. The first step is γ·g/|g| = γ·sign(g) for
 * every element. Because s only grows, the steps only shrink: AdaGrad slows to a crawl on
 * long runs, which RMSprop fixes by forgetting old gradients.
 */
export class Adagrad extends OptimizerBase<AdagradState> {
  readonly lrDecay: number;
  readonly weightDecay: number;
  readonly initialAccumulatorValue: number;
  readonly eps: number;

  constructor(options: AdagradOptions = {}) {
    const { lr = 1e-2, lrDecay = 0, weightDecay = 0, initialAccumulatorValue = 0, eps = 1e-10 } = options;
    super("Adagrad", lr);
    checkNonNegative("Adagrad", "lrDecay", lrDecay);
    checkNonNegative("Adagrad", "weightDecay", weightDecay);
    checkNonNegative("Adagrad", "initialAccumulatorValue", initialAccumulatorValue);
    checkPositive("Adagrad", "eps", eps);
    this.lrDecay = lrDecay;
    this.weightDecay = weightDecay;
    this.initialAccumulatorValue = initialAccumulatorValue;
    this.eps = eps;
  }

  protected createState(size: number): AdagradState {
    return { step: 0, size, sumOfSquares: new Float64Array(size).fill(this.initialAccumulatorValue) };
  }

  protected update(theta: Float64Array, grad: Float64Array, state: AdagradState): void {
    const { weightDecay, eps } = this;
    const decayedLr = this.lr / (1 + (state.step - 1) * this.lrDecay);
    const sum = state.sumOfSquares;
    for (let i = 0; i < theta.length; i++) {
      const g = grad[i] + weightDecay * theta[i];
      sum[i] += g * g;
      theta[i] -= (decayedLr * g) / (Math.sqrt(sum[i]) + eps);
    }
  }
}
