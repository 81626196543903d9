import { Tensor, formatShape } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { Layer } from "@gradschool/backprop";
import { checkGradOut } from "./check-grad-out.ts";

/**
 * Flatten: each sample's feature maps as one row of features, so a Dense can follow.
 *
 *   forward    [batch, C, H, W] → [batch, C·H·W]     out[n, (c·H + i)·W + j] = x[n, c, i, j]
 *   backward   ∂L/∂x is gradOut read back as [batch, C, H, W]
 *
 * Row-major order, channel first, as Keras's Flatten under data_format="channels_first"
 * (and PyTorch's flatten of NCHW). The numbers do not move: NCHW data already lies in
 * exactly this order, so both directions are the same buffer under a new shape, no copy.
 * Works for any input of rank ≥ 2 ([batch, …] → [batch, product of the rest]).
 */
export class Flatten implements Layer {
  readonly name: string;
  private inputShape: readonly number[] | undefined;

  constructor(options: { name?: string } = {}) {
    this.name = options.name ?? "flatten";
  }

  forward(x: Tensor): Tensor {
    if (!(x instanceof Tensor) || x.rank < 2) {
      throw new Error(`Flatten.forward: x is ${x instanceof Tensor ? formatShape(x.shape) : typeof x}; expected [batch, …] with at least 2 dimensions, e.g. [batch, channels, height, width]`);
    }
    this.inputShape = x.shape;
    return new Tensor(x.data, this.outputShape(x.shape)); // the same numbers, a new shape
  }

  backward(gradOut: Tensor): Tensor {
    const inputShape = this.inputShape;
    checkGradOut("Flatten.backward", this.name, gradOut, inputShape && this.outputShape(inputShape));
    return new Tensor(gradOut.data, inputShape!);
  }

  params(): Param[] {
    return [];
  }

  /** [batch, C, H, W] → [batch, C·H·W] */
  outputShape(inputShape: readonly number[]): number[] {
    if (inputShape.length < 2) {
      throw new Error(`Flatten.outputShape: input is ${formatShape(inputShape)}; expected [batch, …] with at least 2 dimensions`);
    }
    return [inputShape[0], inputShape.slice(1).reduce((size, dim) => size * dim, 1)];
  }
}
