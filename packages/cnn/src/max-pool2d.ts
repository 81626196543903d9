import { Tensor } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import type { Layer } from "@gradschool/backprop";
import { checkImageShape, checkImages } from "./window-geometry.ts";
import { type PoolWindow, poolGeometry, poolWindow } from "./pool-window.ts";
import { checkGradOut } from "./check-grad-out.ts";

let maxPoolsMade = 0;

/**
 * Max pooling: each output is the largest value in its window of the input, per channel.
 *
 *   forward    out[n, c, i, j] = max over ki < pH, kj < pW of x[n, c, i·sH + ki, j·sW + kj]
 *   backward   ∂L/∂x[where that max was] += gradOut[n, c, i, j];  every other input gets 0
 *
 * The max passes one input through unchanged and ignores the rest, so its derivative is 1
 * for that input and 0 for the others. Forward remembers where each max was (argmax), so
 * backward only has to route each gradient there. A tie goes to the FIRST max in the window,
 * reading row by row (as PyTorch does). With stride < size the
 * windows overlap and one input can be the max of several: its gradients add up.
 *
 * It shrinks the image (2×2 windows, stride 2: a quarter of the positions) while keeping the
 * strongest response of each feature, so a stroke moved by a pixel gives nearly the same output.
 * No parameters. Windows are "valid" (Keras's default): leftover rows and columns are dropped.
 */
export class MaxPool2D implements Layer {
  readonly name: string;
  readonly window: PoolWindow;
  private argmax = new Int32Array(0); // for each output, the index in x.data of its max; reused across calls
  private inputShape: readonly number[] | undefined;
  private lastOutputShape: readonly number[] | undefined;

  /** MaxPool2D(2): 2×2 windows, stride 2. Sizes may be [height, width]. */
  constructor(size: number | [number, number], stride: number | [number, number] = size, options: { name?: string } = {}) {
    this.window = poolWindow("MaxPool2D", size, stride);
    this.name = options.name ?? `maxPool${++maxPoolsMade}`;
  }

  forward(x: Tensor): Tensor {
    checkImages("MaxPool2D.forward", x);
    const [batch, channels, height, width] = x.shape;
    const { kernelHeight, kernelWidth, strideHeight, strideWidth, outHeight, outWidth } = poolGeometry(`MaxPool2D.forward (layer "${this.name}")`, this.window, x.shape);
    const out = new Float64Array(batch * channels * outHeight * outWidth);
    if (this.argmax.length < out.length) this.argmax = new Int32Array(out.length);
    const argmax = this.argmax;
    const input = x.data;
    let at = 0; // out[n, c, i, j], in memory order
    for (let plane = 0; plane < batch * channels; plane++) {
      const planeStart = plane * height * width;
      for (let i = 0; i < outHeight; i++) {
        for (let j = 0; j < outWidth; j++, at++) {
          const corner = planeStart + i * strideHeight * width + j * strideWidth; // x[n, c, i·sH, j·sW]
          let best = corner;
          let bestValue = input[corner];
          for (let ki = 0; ki < kernelHeight; ki++) {
            for (let index = corner + ki * width, end = index + kernelWidth; index < end; index++) {
              const value = input[index];
              if (value > bestValue) { // strictly greater: a tie keeps the first max
                best = index;
                bestValue = value;
              }
            }
          }
          out[at] = bestValue;
          argmax[at] = best;
        }
      }
    }
    this.inputShape = x.shape;
    this.lastOutputShape = [batch, channels, outHeight, outWidth];
    return new Tensor(out, this.lastOutputShape);
  }

  /** ∂L/∂x: each gradOut value goes to the position of its window's max; the rest are 0. */
  backward(gradOut: Tensor): Tensor {
    checkGradOut("MaxPool2D.backward", this.name, gradOut, this.lastOutputShape);
    const inputShape = this.inputShape!;
    const gradInput = new Float64Array(inputShape[0] * inputShape[1] * inputShape[2] * inputShape[3]);
    const argmax = this.argmax;
    for (let at = 0; at < gradOut.size; at++) gradInput[argmax[at]] += gradOut.data[at]; // += : overlapping windows may share a max
    return new Tensor(gradInput, inputShape);
  }

  params(): Param[] {
    return [];
  }

  /** [batch, C, H, W] → [batch, C, ⌊(H − pH) / sH⌋ + 1, ⌊(W − pW) / sW⌋ + 1] */
  outputShape(inputShape: readonly number[]): number[] {
    checkImageShape("MaxPool2D.outputShape", inputShape);
    const { outHeight, outWidth } = poolGeometry(`MaxPool2D.outputShape (layer "${this.name}")`, this.window, inputShape);
    return [inputShape[0], inputShape[1], outHeight, outWidth];
  }

  /** The constructor's arguments, for save/load. */
  config(): Record<string, unknown> {
    const { poolHeight, poolWidth, strideHeight, strideWidth } = this.window;
    return { size: [poolHeight, poolWidth], stride: [strideHeight, strideWidth], name: this.name };
  }
}
