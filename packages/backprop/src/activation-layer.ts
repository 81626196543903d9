import type { Tensor } from "@gradschool/tensor";
import { type Activation, relu, sigmoid, softmax, tanh } from "@gradschool/activations";
import type { Param } from "@gradschool/optimizers";
import type { Layer } from "./layer.ts";

/**
 * An activation function as a layer, so it can sit between Dense layers in a Sequential:
 *
 *   forward    y = f(x)
 *   backward   ∂L/∂x = activation.backward(x, gradOut)    (gradOut ⊙ f′(x) when f is elementwise)
 *
 * It has no parameters, and the output has the input's shape.
 */
export class ActivationLayer implements Layer {
  readonly name: string;
  readonly activation: Activation;
  private input: Tensor | undefined; // activation.backward(x, gradOut) needs the x we saw

  constructor(activation: Activation) {
    if (typeof activation?.forward !== "function" || typeof activation.backward !== "function") {
      throw new Error(
        `ActivationLayer: expected an Activation { name, forward, backward } such as relu or tanh; received ${typeof activation}`,
      );
    }
    this.activation = activation;
    this.name = activation.name;
  }

  forward(x: Tensor): Tensor {
    const y = this.activation.forward(x);
    this.input = x; // activation.backward(x, gradOut) needs the x we saw
    return y;
  }

  backward(gradOut: Tensor): Tensor {
    if (this.input === undefined) {
      throw new Error(`ActivationLayer.backward: layer "${this.name}" has not run forward yet; call forward(x) before backward(gradOut)`);
    }
    return this.activation.backward(this.input, gradOut);
  }

  params(): Param[] {
    return [];
  }

  outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
}

/** relu(x) = max(0, x), as a layer. */
export class ReLU extends ActivationLayer {
  constructor() {
    super(relu);
  }
}

/** σ(x) = 1 / (1 + e⁻ˣ), as a layer. */
export class Sigmoid extends ActivationLayer {
  constructor() {
    super(sigmoid);
  }
}

/** tanh(x), as a layer. */
export class Tanh extends ActivationLayer {
  constructor() {
    super(tanh);
  }
}

/**
 * softmax along the last axis, as a layer: turns each row of scores into probabilities.
 * To train a classifier, prefer ending on the Dense logits and using softmaxCrossEntropy,
 * which fuses the two and stays finite; a Softmax layer followed by softmaxCrossEntropy
 * would apply softmax twice.
 */
export class Softmax extends ActivationLayer {
  constructor() {
    super(softmax);
  }
}
