import type { Tensor } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";

/**
 * What forward needs to know about the call, beyond the input. `training` is true inside
 * a training step and false for evaluation and prediction: Dense ignores it, but dropout
 * and batch normalisation (packages/mlp) behave differently in the two modes.
 */
export interface ForwardContext {
  training: boolean;
}

/**
 * A layer of a network: one step of the forward pass, and the same step run backwards.
 *
 *   forward(x)         y = f(x; θ), and remembers what backward will need (x, or y)
 *   backward(gradOut)  given gradOut = ∂L/∂y for the last forward, returns ∂L/∂x and
 *                      adds ∂L/∂θ into the grad of each parameter θ
 *
 * Chained, these are backpropagation: a network runs forward through its layers, then
 * backward through them in reverse, each layer turning ∂L/∂(its output) into
 * ∂L/∂(its input), which is the gradOut of the layer before it.
 *
 * Why backward ADDS into param.grad (+=) instead of overwriting it, as PyTorch does:
 * when one weight is used in several places, the multivariable chain rule says its
 * gradient is the sum of the gradients from every use. A recurrent network reuses one
 * kernel at every time step (backpropagation through time sums them), tied weights are
 * shared by two layers, and a large batch can be split into smaller ones whose gradients
 * add up. Accumulating makes all of these just work. The price is one rule: zero the
 * gradients before each backward, e.g. `optimizer.zeroGrad(model.params())`, or the
 * previous step's gradients leak into this one.
 */
export interface Layer {
  /** A name for messages and reports, e.g. "dense1"; parameter names start with it. */
  readonly name: string;
  /** Computes the output for a batch, and remembers what backward needs. */
  forward(x: Tensor, context?: ForwardContext): Tensor;
  /** Returns ∂L/∂input for the last forward, and ADDS each parameter's gradient into param.grad. */
  backward(gradOut: Tensor): Tensor;
  /** The trainable parameters, each with its value and gradient ([] for a layer without any). */
  params(): Param[];
  /** The shape forward would return for an input of this shape, e.g. Dense(784, 128): [b, 784] → [b, 128]. */
  outputShape(inputShape: readonly number[]): number[];
}
