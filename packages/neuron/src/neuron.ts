import { type Rng, Tensor, map, matmul, matmulTransA, randn, sum, tensor, zeros } from "@gradschool/tensor";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import type { NeuronLoss } from "./loss.ts";
import { sigmoid } from "./sigmoid.ts";
import { type Targets, checkInputs, checkTargets } from "./validate.ts";

export interface NeuronOptions {
  /** Where the starting weights come from; required by init "normal", the default. */
  rng?: Rng;
  /** "normal": each wⱼ ~ N(0, 1/features) and b = 0 (default); "zeros": w = 0 and b = 0. */
  init?: "normal" | "zeros";
}

/** What one backward pass gives: the slope of the loss along every parameter, and the loss. */
export interface NeuronGradients {
  /** ∂L/∂w, one entry per weight: [features]. */
  gradWeights: Tensor;
  /** ∂L/∂b. */
  gradBias: number;
  /** L itself, at the current weights. */
  loss: number;
}

/**
 * One neuron: a weighted sum of the inputs plus a bias, squashed by the sigmoid.
 *
 *   z = w·x + b        a = σ(z)        class 1 if a ≥ 0.5, else class 0
 *
 * Batched, x is [batch, features] with one example per row, and z = X·w + b is [batch].
 * The two classes meet where a = 0.5, i.e. z = 0: the straight line w·x + b = 0.
 *
 * Backward, for a loss given as ∂L/∂z (see loss.ts), the chain rule gives
 *
 *   ∂L/∂w = Xᵀ · ∂L/∂z        ∂L/∂b = Σᵢ ∂L/∂zᵢ
 *
 * because ∂zᵢ/∂wⱼ = xᵢⱼ and ∂zᵢ/∂b = 1. With binary cross-entropy, ∂L/∂zᵢ = (aᵢ − yᵢ)/N,
 * so ∂L/∂w = (1/N) Xᵀ(a − y) and ∂L/∂b = mean(a − y).
 */
export class Neuron {
  readonly features: number;
  /** w, one weight per input feature: [features]. Training updates it in place. */
  readonly weights: Tensor;
  /** b, added to every weighted sum. */
  bias: number;

  constructor(features: number, options: NeuronOptions = {}) {
    if (!Number.isInteger(features) || features < 1) {
      throw new Error(`Neuron: features is ${features}; expected a positive integer, the length of one input row`);
    }
    const { init = "normal", rng } = options;
    this.features = features;
    this.bias = 0;
    if (init === "zeros") {
      this.weights = zeros([features]);
    } else if (init === "normal") {
      if (rng === undefined) {
        throw new Error(
          `Neuron: init "normal" draws random weights and needs { rng }, e.g. new Neuron(${features}, { rng: rng(0) }); ` +
            `or pass { init: "zeros" }`,
        );
      }
      // Standard deviation 1/√features keeps z = w·x of order 1 when the inputs are.
      this.weights = randn([features], rng, 1 / Math.sqrt(features));
    } else {
      throw new Error(`Neuron: init is ${JSON.stringify(init)}; expected "normal" or "zeros"`);
    }
  }

  /** A neuron with the weights and bias you choose, e.g. Neuron.from([1, 1], -1.5) computes AND. */
  static from(weights: Tensor | readonly number[], bias: number): Neuron {
    const values = weights instanceof Tensor ? Array.from(weights.data) : [...weights];
    if (values.length === 0 || !values.every(Number.isFinite)) {
      throw new Error(`Neuron.from: weights are [${values.join(", ")}]; expected at least one finite number`);
    }
    if (!Number.isFinite(bias)) throw new Error(`Neuron.from: bias is ${bias}; expected a finite number`);
    const neuron = new Neuron(values.length, { init: "zeros" });
    neuron.weights.data.set(values);
    neuron.bias = bias;
    return neuron;
  }

  /** z = X·w + b and a = σ(z), one of each per example: both [batch]. */
  forward(x: Tensor): { z: Tensor; a: Tensor } {
    checkInputs("Neuron.forward", x, this.features);
    const weightColumn = new Tensor(this.weights.data, [this.features, 1]); // a view of w as a [features, 1] matrix
    const weightedSums = matmul(x, weightColumn); // [batch, 1]
    const z = new Tensor(
      weightedSums.data.map((value) => value + this.bias),
      [x.shape[0]],
    );
    return { z, a: map(z, sigmoid) };
  }

  /** The class of each example: 1 where a = σ(z) ≥ 0.5, else 0. */
  predict(x: Tensor): Int32Array {
    checkInputs("Neuron.predict", x, this.features);
    return Int32Array.from(this.forward(x).a.data, (a) => (a >= 0.5 ? 1 : 0));
  }

  /** The loss at the current weights (binary cross-entropy unless you pass another). */
  loss(x: Tensor, y: Targets, lossFunction: NeuronLoss = binaryCrossEntropy): number {
    checkInputs("Neuron.loss", x, this.features);
    checkTargets("Neuron.loss", y, x.shape[0]);
    return lossFunction.forward(this.forward(x).z, y);
  }

  /** The loss and its gradient for w and b: forward, then the chain rule back through z. */
  gradients(x: Tensor, y: Targets, lossFunction: NeuronLoss = binaryCrossEntropy): NeuronGradients {
    checkInputs("Neuron.gradients", x, this.features);
    checkTargets("Neuron.gradients", y, x.shape[0]);
    const { z } = this.forward(x);
    const loss = lossFunction.forward(z, y);
    const gradZ = lossFunction.backward(z, y); // ∂L/∂z, [batch]
    const gradWeightColumn = matmulTransA(x, new Tensor(gradZ.data, [z.size, 1])); // Xᵀ·∂L/∂z, [features, 1]
    return { gradWeights: tensor(gradWeightColumn.data, [this.features]), gradBias: sum(gradZ), loss };
  }
}
