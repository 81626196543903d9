import { Tensor } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { Layer } from "@gradschool/backprop";
import { checkImageShape, checkImages } from "./window-geometry.ts";
import { type PoolWindow, poolGeometry, poolWindow } from "./pool-window.ts";
import { checkGradOut } from "./check-grad-out.ts";

let avgPoolsMade = 0;

/**
 * Average pooling: each output is the mean of its window of the input, per channel.
 *
 *   forward    out[n, c, i, j] = (1 / (pH·pW)) Σ over ki < pH, kj < pW of x[n, c, i·sH + ki, j·sW + kj]
 *   backward   ∂L/∂x[n, c, i·sH + ki, j·sW + kj] += gradOut[n, c, i, j] / (pH·pW)
 *
 * Every input of a window counts equally, so each gets an equal share of the gradient;
 * with stride < size an input in several windows collects a share from each. No parameters.
 * Windows are "valid" (Keras's default): leftover rows and columns are dropped.
 */
export class AvgPool2D implements Layer {
  readonly name: string;
  readonly window: PoolWindow;
  private inputShape: readonly number[] | undefined;
  private lastOutputShape: readonly number[] | undefined;

  /** AvgPool2D(2): 2×2 windows, stride 2. Sizes may be [height, width]. */
  constructor(size: number | [number, number], stride: number | [number, number] = size, options: { name?: string } = {}) {
    this.window = poolWindow("AvgPool2D", size, stride);
    this.name = options.name ?? `avgPool${++avgPoolsMade}`;
  }

  forward(x: Tensor): Tensor {
    checkImages("AvgPool2D.forward", x);
    const [batch, channels, height, width] = x.shape;
    const { kernelHeight, kernelWidth, strideHeight, strideWidth, outHeight, outWidth } = poolGeometry(`AvgPool2D.forward (layer "${this.name}")`, this.window, x.shape);
    const out = new Float64Array(batch * channels * outHeight * outWidth);
    const share = 1 / (kernelHeight * kernelWidth);
    const input = x.data;
    let at = 0; // out[n, c, i, j], in memory order
    for (let plane = 0; plane < batch * channels; plane++) {
      const planeStart = plane * height * width;
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++, at++) {
          const corner = planeStart + i * strideHeight * width + j * strideWidth; // x[n, c, i·sH, j·sW]
          let sum = 0;
          for (let ki = 0; ki < kernelHeight; ki++) {
            for (let index = corner + ki * width, end = index + kernelWidth; index < end; index++) sum += input[index];
          }
          out[at] = sum * share;
        }
      }
    }
    this.inputShape = x.shape;
    this.lastOutputShape = [batch, channels, outHeight, outWidth];
    return new Tensor(out, this.lastOutputShape);
  }

  /** ∂L/∂x: each gradOut value shared equally among the pH·pW inputs of its window. */
  backward(gradOut: Tensor): Tensor {
    checkGradOut("AvgPool2D.backward", this.name, gradOut, this.lastOutputShape);
    const [batch, channels, height, width] = this.inputShape!;
    const { kernelHeight, kernelWidth, strideHeight, strideWidth, outHeight, outWidth } = poolGeometry("AvgPool2D.backward", this.window, this.inputShape!);
    const gradInput = new Float64Array(batch * channels * height * width);
    const share = 1 / (kernelHeight * kernelWidth);
    let at = 0;
    for (let plane = 0; plane < batch * channels; plane++) {
      const planeStart = plane * height * width;
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++, at++) {
          const corner = planeStart + i * strideHeight * width + j * strideWidth;
          const grad = gradOut.data[at] * share;
          for (let ki = 0; ki < kernelHeight; ki++) {
            for (let index = corner + ki * width, end = index + kernelWidth; index < end; index++) gradInput[index] += grad;
          }
        }
      }
    }
    return new Tensor(gradInput, this.inputShape!);
  }

  params(): Param[] {
    return [];
  }

  /** [batch, C, H, W] → [batch, C, ⌊(H − pH) / sH⌋ + 1, ⌊(W − pW) / sW⌋ + 1] */
  outputShape(inputShape: readonly number[]): number[] {
    checkImageShape("AvgPool2D.outputShape", inputShape);
    const { outHeight, outWidth } = poolGeometry(`AvgPool2D.outputShape (layer "${this.name}")`, this.window, inputShape);
    return [inputShape[0], inputShape[1], outHeight, outWidth];
  }

  /** The constructor's arguments, for save/load. */
  config(): Record<string, unknown> {
    const { poolHeight, poolWidth, strideHeight, strideWidth } = this.window;
    return { size: [poolHeight, poolWidth], stride: [strideHeight, strideWidth], name: this.name };
  }
}
