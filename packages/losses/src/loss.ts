import type { Tensor } from "@gradschool/tensor";

/**
 * A loss turns a batch of predictions and their targets into one number to minimise,
 * and says how that number changes with every prediction:
 *
 *   forward(pred, target)  = L, the mean over the batch
 *   backward(pred, target) = ∂L/∂pred, a tensor with pred's shape
 *
 * backward is where backpropagation starts: its result is the gradOut handed to the last
 * layer. Because L is a mean, every element of ∂L/∂pred carries a 1/N, so the step size
 * does not grow with the batch size.
 *
 * "Mean over the batch" means the mean over every element for the elementwise losses
 * (mse, mae, huber, the binary cross-entropies), as PyTorch's and Keras's defaults do,
 * and the mean over rows of a per-row sum over classes for the categorical ones.
 */
export interface Loss {
  readonly name: string;
  forward(pred: Tensor, target: LossTarget): number;
  backward(pred: Tensor, target: LossTarget): Tensor;
}

/**
 * What a target can be: a tensor (regression values, 0/1 labels, or one-hot / soft-label
 * rows), or, for the classification losses, one class index per row (what the datasets
 * return as y, e.g. Int32Array [0, 2, 1]).
 */
export type LossTarget = Tensor | Int32Array | readonly number[];
