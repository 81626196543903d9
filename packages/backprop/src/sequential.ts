import { type Tensor, formatShape } from "@gradschool/tensor";
import type { Loss, LossTarget } from "@gradschool/losses";
import type { Param } from "@gradschool/optimizers";
import { Dense } from "./dense.ts";
import { checkTensor } from "./check-tensor.ts";
import type { ForwardContext, Layer } from "./layer.ts";

/**
 * Layers in a row, as one layer: backpropagation is this file.
 *
 *   forward    x → layer 0 → layer 1 → … → layer n−1 → y
 *   backward   ∂L/∂y → layer n−1 → … → layer 0 → ∂L/∂x
 *
 * Each layer's backward turns ∂L/∂(its output) into ∂L/∂(its input), which is exactly the
 * gradOut the layer before it needs: the chain rule, applied one layer at a time, in
 * reverse. Along the way every layer adds its parameters' gradients into their grads.
 */
export class Sequential implements Layer {
  readonly name = "sequential";
  readonly layers: readonly Layer[];
  private ranForward = false;

  constructor(layers: Layer[]) {
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new Error(`Sequential: expected a non-empty array of layers; received ${Array.isArray(layers) ? "[]" : typeof layers}`);
    }
    layers.forEach((layer, index) => {
      const methods = ["forward", "backward", "params", "outputShape"] as const;
      const missing = methods.filter((method) => typeof (layer as Partial<Layer> | undefined)?.[method] !== "function");
      if (missing.length > 0) {
        throw new Error(`Sequential: layer ${index} is not a Layer (it has no ${missing.join(", ")}); expected e.g. new Dense(…) or new ReLU()`);
      }
    });
    checkLayersFit(layers);
    this.layers = Object.freeze([...layers]);
  }

  /** Runs each layer in order, each on the previous one's output. */
  forward(x: Tensor, context?: ForwardContext): Tensor {
    checkTensor("Sequential.forward", "x", x);
    let out = x;
    this.layers.forEach((layer, index) => {
      out = atLayer("Sequential.forward", index, layer, `input ${formatShape(out.shape)}`, () => layer.forward(out, context));
    });
    this.ranForward = true;
    return out;
  }

  /** Runs each layer's backward in reverse order; returns ∂L/∂x for the model's input. */
  backward(gradOut: Tensor): Tensor {
    if (!this.ranForward) {
      throw new Error("Sequential.backward: the model has not run forward yet; call forward(x) before backward(gradOut)");
    }
    checkTensor("Sequential.backward", "gradOut", gradOut);
    let grad = gradOut;
    for (let index = this.layers.length - 1; index >= 0; index--) {
      const layer = this.layers[index];
      grad = atLayer("Sequential.backward", index, layer, `gradOut ${formatShape(grad.shape)}`, () => layer.backward(grad));
    }
    return grad;
  }

  /**
   * backward for a training step: every parameter gets its gradient, but the model's own
   * ∂L/∂x is not computed. That is the gradient with respect to the data, which no step
   * uses, and for a first Dense(784, 128) it costs a third of the step's arithmetic. So the
   * first layer, if it can (Dense has backwardParams), fills its parameter gradients only;
   * any other first layer runs its ordinary backward and the result is dropped.
   */
  backwardParams(gradOut: Tensor): void {
    if (!this.ranForward) {
      throw new Error("Sequential.backwardParams: the model has not run forward yet; call forward(x) before backwardParams(gradOut)");
    }
    checkTensor("Sequential.backwardParams", "gradOut", gradOut);
    let grad = gradOut;
    for (let index = this.layers.length - 1; index >= 1; index--) {
      const layer = this.layers[index];
      grad = atLayer("Sequential.backwardParams", index, layer, `gradOut ${formatShape(grad.shape)}`, () => layer.backward(grad));
    }
    const first = this.layers[0];
    atLayer("Sequential.backwardParams", 0, first, `gradOut ${formatShape(grad.shape)}`, () =>
      hasBackwardParams(first) ? first.backwardParams(grad) : first.backward(grad),
    );
  }

  /** Every layer's parameters, first layer first. */
  params(): Param[] {
    return this.layers.flatMap((layer) => layer.params());
  }

  /** The input shape followed through every layer. */
  outputShape(inputShape: readonly number[]): number[] {
    let shape = [...inputShape];
    this.layers.forEach((layer, index) => {
      shape = atLayer("Sequential.outputShape", index, layer, `input ${formatShape(shape)}`, () => layer.outputShape(shape));
    });
    return shape;
  }

  /**
   * One training step's gradients: forward (in training mode), the loss, and backward from
   * ∂L/∂prediction. Returns the loss. Gradients ADD into param.grad, so zero them first:
   *
   *   optimizer.zeroGrad(model.params());
   *   const lossValue = model.computeGradients(x, y, softmaxCrossEntropy);
   *   optimizer.step(model.params());
   */
  computeGradients(x: Tensor, target: LossTarget, loss: Loss): number {
    if (typeof loss?.forward !== "function" || typeof loss.backward !== "function") {
      throw new Error(`Sequential.computeGradients: expected a Loss { name, forward, backward } such as mse; received ${typeof loss}`);
    }
    const prediction = this.forward(x, { training: true });
    const lossValue = loss.forward(prediction, target);
    this.backwardParams(loss.backward(prediction, target)); // backward, without the unused ∂L/∂x
    return lossValue;
  }
}

/** A layer that can run the parameter half of its backward alone (Dense; see backwardParams). */
function hasBackwardParams(layer: Layer): layer is Layer & { backwardParams(gradOut: Tensor): void } {
  return typeof (layer as { backwardParams?: unknown }).backwardParams === "function";
}

/** Runs one layer's step; if it throws, says which layer of the model it was and what it got. */
function atLayer<T>(caller: string, index: number, layer: Layer, received: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${caller}: layer ${index} (${layer.name}) failed on ${received} — ${reason}`, { cause: error });
  }
}

/**
 * Checks, when the model is built, that each layer accepts what the layer before it gives,
 * so a wrong size fails here, naming both layers, and not inside the first training step.
 * The input size is unknown until a Dense says what it takes; from there the shape is
 * followed through each layer's outputShape, with 1 standing in for the batch size.
 */
function checkLayersFit(layers: readonly Layer[]): void {
  let shape: number[] | undefined;
  layers.forEach((layer, index) => {
    const previous = `layer ${index - 1} (${layers[index - 1]?.name})`;
    if (layer instanceof Dense) {
      if (shape !== undefined && (shape.length !== 2 || shape[1] !== layer.inFeatures)) {
        throw new Error(
          `Sequential: layer ${index} (${layer.name}) takes [batch, ${layer.inFeatures}], but ${previous} ` +
            `outputs ${withBatch(shape)}; expected the same number of features`,
        );
      }
      shape = [1, layer.inFeatures];
    }
    if (shape !== undefined) {
      const input = shape;
      shape = atLayer("Sequential", index, layer, `the output of ${previous}, ${withBatch(input)}`, () => layer.outputShape(input));
    }
  });
}

/** [1, 128] → "[batch, 128]": the shape with its batch placeholder named. */
function withBatch(shape: readonly number[]): string {
  return `[batch${shape.slice(1).map((dim) => `, ${dim}`).join("")}]`;
}
