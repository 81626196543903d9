/**
 * Adam for a ConvNetJS network, written for this benchmark.
 *
 * ConvNetJS 0.3.0, the last version on npm, has no Adam: its Trainer knows sgd, adagrad,
 * adadelta and windowgrad, and any other method name (including "adam") silently trains
 * with SGD and momentum 0.9. Adam was added to ConvNetJS on GitHub later and never published.
 *
 * So that every library trains with the same optimizer, this class drives the net the way
 * ConvNetJS's Trainer.train does — forward and backward one sample at a time, the net
 * adding each sample's gradient into its grads, an update every `batchSize` samples with
 * the gradient averaged over the batch, then the grads zeroed — and only the update is
 * Adam's, the same rule as gradschool's and TF.js's:
 *
 *   g = Σ grads / batchSize
 *   m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 */
import type convnetjs from "convnetjs";

export class ConvNetAdam {
  private readonly beta1 = 0.9;
  private readonly beta2 = 0.999;
  private readonly eps = 1e-8;
  private readonly firstMoments: Float64Array[];
  private readonly secondMoments: Float64Array[];
  private samplesSeen = 0;
  private updates = 0;

  constructor(
    private readonly net: convnetjs.Net,
    private readonly options: { lr: number; batchSize: number },
  ) {
    const weights = net.getParamsAndGrads();
    this.firstMoments = weights.map(({ params }) => new Float64Array(params.length));
    this.secondMoments = weights.map(({ params }) => new Float64Array(params.length));
  }

  /** Forward and backward for one sample, and an update when a batch is complete. Returns the sample's loss. */
  train(input: convnetjs.Vol, label: number): number {
    this.net.forward(input, true);
    const loss = this.net.backward(label);
    this.samplesSeen++;
    if (this.samplesSeen % this.options.batchSize === 0) this.update();
    return loss;
  }

  private update(): void {
    const { lr, batchSize } = this.options;
    const { beta1, beta2, eps } = this;
    this.updates++;
    const correction1 = 1 - beta1 ** this.updates;
    const correction2 = 1 - beta2 ** this.updates;
    for (const [index, { params, grads }] of this.net.getParamsAndGrads().entries()) {
      const m = this.firstMoments[index];
      const v = this.secondMoments[index];
      for (let j = 0; j < params.length; j++) {
        const g = grads[j] / batchSize;
        m[j] = beta1 * m[j] + (1 - beta1) * g;
        v[j] = beta2 * v[j] + (1 - beta2) * g * g;
        params[j] -= (lr * (m[j] / correction1)) / (Math.sqrt(v[j] / correction2) + eps);
        grads[j] = 0;
      }
    }
  }
}
