import { type Rng, Tensor, formatShape, gemm, zeros } from "@gradschool/tensor";
import type { Param } from "@gradschool/optimizers";
import { type ForwardContext, type Initializer, type Layer, initializers } from "@gradschool/backprop";
import { col2im, im2col } from "./im2col.ts";
import { checkGradOut } from "./check-grad-out.ts";
import { type Padding, type WindowGeometry, checkImageShape, checkImages, checkPadding, pairOf, windowGeometry } from "./window-geometry.ts";

export interface Conv2DOptions {
  /** Draws the initial kernel; seed it (rng(42)) so every run starts from the same weights. */
  rng: Rng;
  /** How far the kernel moves each step, one number or [height, width] (default 1). */
  stride?: number | [number, number];
  /** "valid" (default: no padding), "same" (out = ⌈in / stride⌉, as Keras), or that many zeros on every side. */
  padding?: Padding;
  /** How to fill the kernel (default glorotUniform with Keras's fans). The bias starts at zeros. */
  init?: Initializer;
  /** Prefix of the parameter names, "conv1" → "conv1.kernel" (default conv1, conv2, … in order made). */
  name?: string;
}

let convsMade = 0;

/**
 * A 2-D convolution: one small kernel slid over the image, the same weights at every position.
 *
 *   out[n, o, i, j] = b[o] + Σ_c Σ_ki Σ_kj K[o, c, ki, kj] · x[n, c, i·sH + ki − padTop, j·sW + kj − padLeft]
 *
 * x [batch, C, H, W] (NCHW), K [outC, C, kH, kW], b [outC], out [batch, outC, outH, outW]
 * (conv2d-reference.ts has these loops as written). Computed as a matrix product per image n:
 *
 *   forward    cols_n = im2col(x_n)               [C·kH·kW, outH·outW], one window per column
 *              out_n  = K2d · cols_n + b           K2d is K read as [outC, C·kH·kW]
 *   backward   ∂L/∂K2d += gradOut_n · cols_nᵀ      every position's window, weighted by its gradient
 *              ∂L/∂b   += Σ_positions gradOut_n    b was added at every position
 *              ∂L/∂cols_n = K2dᵀ · gradOut_n,  ∂L/∂x_n = col2im(∂L/∂cols_n)   (overlapping windows add)
 *
 * These are Dense's three formulas with cols_nᵀ as the input rows: a convolution is a Dense
 * layer applied to every window, with the weights shared. Sharing is why it suits images:
 * outC·C·kH·kW weights instead of one per pixel pair (a stroke detector works anywhere in the
 * picture), and the kernel's gradient sums what every position says.
 *
 * Keras's fans for the default init: fanIn = C·kH·kW, fanOut = outC·kH·kW.
 */
export class Conv2D implements Layer {
  readonly name: string;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly padding: Padding;
  readonly kernel: Param;
  readonly bias: Param;
  // What backward needs from the last forward: its input, where the kernel went, and whether
  // cols holds every image's im2col (training) or only the last one's (inference).
  private last: { input: Tensor; geometry: WindowGeometry; colsKept: boolean } | undefined;
  private cols = new Float64Array(0); // im2col of the images of the last forward: ∂L/∂K needs them. Grown, never shrunk.
  private gradCols = new Float64Array(0); // one image's ∂L/∂cols, reused

  constructor(inChannels: number, outChannels: number, kernelSize: number | [number, number], options: Conv2DOptions) {
    for (const [label, channels] of [["inChannels", inChannels], ["outChannels", outChannels]] as const) {
      if (!Number.isInteger(channels) || channels < 1) throw new Error(`Conv2D: ${label} must be a positive integer; received ${channels}`);
    }
    if (typeof options?.rng?.uniform !== "function") {
      throw new Error("Conv2D: options.rng is required, e.g. new Conv2D(1, 32, 3, { rng: rng(42) }), so the initial weights are reproducible");
    }
    const { stride = 1, padding = "valid" } = options;
    [this.kernelHeight, this.kernelWidth] = pairOf("Conv2D", "kernelSize", kernelSize);
    [this.strideHeight, this.strideWidth] = pairOf("Conv2D", "stride", stride);
    checkPadding("Conv2D", padding);
    this.padding = padding;
    this.name = options.name ?? `conv${++convsMade}`;
    this.inChannels = inChannels;
    this.outChannels = outChannels;

    const shape = [outChannels, inChannels, this.kernelHeight, this.kernelWidth];
    const receptiveField = this.kernelHeight * this.kernelWidth;
    const kernel = (options.init ?? initializers.glorotUniform)(shape, inChannels * receptiveField, outChannels * receptiveField, options.rng);
    if (!(kernel instanceof Tensor) || formatShape(kernel.shape) !== formatShape(shape)) {
      throw new Error(`Conv2D: init returned ${kernel instanceof Tensor ? formatShape(kernel.shape) : typeof kernel}; expected a Tensor of shape ${formatShape(shape)}`);
    }
    this.kernel = { name: `${this.name}.kernel`, value: kernel, grad: zeros(shape) };
    this.bias = { name: `${this.name}.bias`, value: zeros([outChannels]), grad: zeros([outChannels]) };
  }

  /**
   * out_n = K2d · im2col(x_n) + b for every image n. In training (the default) every image's
   * cols are kept for backward, as Dense keeps its x. In inference ({ training: false }:
   * evaluate, predict) one image's cols at a time is enough: a 256-image prediction batch
   * then needs 278 KB of cols instead of 71 MB (the reference CNN's second convolution), and
   * a backward after it still works, redoing im2col image by image.
   */
  forward(x: Tensor, context?: ForwardContext): Tensor {
    checkImages("Conv2D.forward", x, this.inChannels);
    const geometry = this.geometry("Conv2D.forward", x.shape);
    const [batch] = x.shape;
    const colRows = this.inChannels * this.kernelHeight * this.kernelWidth;
    const positions = geometry.outHeight * geometry.outWidth;
    const imageSize = x.size / batch;
    const colsSize = colRows * positions;
    const colsKept = context?.training !== false;
    const slots = colsKept ? batch : 1;
    if (this.cols.length < slots * colsSize) this.cols = new Float64Array(slots * colsSize);
    this.last = { input: x, geometry, colsKept };

    // A fresh output on every call (a caller may keep it while running the next batch).
    const out = new Float64Array(batch * this.outChannels * positions);
    const bias = this.bias.value.data;
    for (let n = 0; n < batch; n++) {
      const cols = this.colsOf(n, colsSize);
      im2col(x.data, n * imageSize, this.inChannels, geometry, cols, 0);
      const outStart = n * this.outChannels * positions;
      // out_n [outC, positions] = K2d [outC, colRows] · cols_n [colRows, positions], written in place
      gemm(this.outChannels, positions, colRows, this.kernel.value.data, cols, out.subarray(outStart, outStart + this.outChannels * positions));
      for (let o = 0, at = outStart; o < this.outChannels; o++) {
        const b = bias[o];
        for (const end = at + positions; at < end; at++) out[at] += b; // the same b at every position of channel o
      }
    }
    return new Tensor(out, [batch, this.outChannels, geometry.outHeight, geometry.outWidth]);
  }

  /** ∂L/∂K += Σ_n gradOut_n · cols_nᵀ,  ∂L/∂b += Σ gradOut;  returns ∂L/∂x = col2im(K2dᵀ · gradOut_n) */
  backward(gradOut: Tensor): Tensor {
    checkGradOut("Conv2D.backward", this.name, gradOut, this.lastOutputShape());
    const input = this.last!.input;
    const gradInput = new Float64Array(input.size); // zeros: col2im adds into it
    this.backwardInto(gradOut, gradInput);
    return new Tensor(gradInput, input.shape);
  }

  /**
   * The parameter half of backward, without ∂L/∂x: a model's first layer sees the images,
   * and no training step needs their gradient (for the reference CNN's first layer the
   * skipped product K2dᵀ · gradOut_n would cost as much as its forward pass).
   */
  backwardParams(gradOut: Tensor): void {
    checkGradOut("Conv2D.backwardParams", this.name, gradOut, this.lastOutputShape());
    this.backwardInto(gradOut, undefined);
  }

  params(): Param[] {
    return [this.kernel, this.bias];
  }

  /** [batch, inC, H, W] → [batch, outC, outH, outW] */
  outputShape(inputShape: readonly number[]): number[] {
    checkImageShape("Conv2D.outputShape", inputShape, this.inChannels);
    const { outHeight, outWidth } = this.geometry("Conv2D.outputShape", inputShape);
    return [inputShape[0], this.outChannels, outHeight, outWidth];
  }

  /** The constructor's arguments, for save/load. */
  config(): Record<string, unknown> {
    const { inChannels, outChannels, kernelHeight, kernelWidth, strideHeight, strideWidth, padding, name } = this;
    return { inChannels, outChannels, kernelSize: [kernelHeight, kernelWidth], stride: [strideHeight, strideWidth], padding, name };
  }

  /** The work of backward: per image, ∂K and ∂b, and when gradInput is given ∂x by col2im. */
  private backwardInto(gradOut: Tensor, gradInput: Float64Array | undefined): void {
    const { input, geometry, colsKept } = this.last!;
    const [batch, , height, width] = input.shape;
    const outChannels = this.outChannels;
    const colRows = this.inChannels * this.kernelHeight * this.kernelWidth;
    const positions = geometry.outHeight * geometry.outWidth;
    const colsSize = colRows * positions;
    const imageSize = this.inChannels * height * width;
    if (gradInput !== undefined && this.gradCols.length < colsSize) this.gradCols = new Float64Array(colsSize);
    const gradBias = this.bias.grad.data;
    for (let n = 0; n < batch; n++) {
      const gradOutN = gradOut.data.subarray(n * outChannels * positions, (n + 1) * outChannels * positions);
      const cols = this.colsOf(n, colsSize);
      if (!colsKept) im2col(input.data, n * imageSize, this.inChannels, geometry, cols, 0); // after an inference forward
      // ∂L/∂K2d [outC, colRows] += gradOut_n [outC, positions] · cols_nᵀ [positions, colRows], straight into kernel.grad
      gemm(outChannels, colRows, positions, gradOutN, cols, this.kernel.grad.data, { transB: true, accumulate: true });
      for (let o = 0, at = 0; o < outChannels; o++) {
        let sum = 0;
        for (const end = at + positions; at < end; at++) sum += gradOutN[at];
        gradBias[o] += sum;
      }
      if (gradInput === undefined) continue;
      // ∂L/∂cols_n [colRows, positions] = K2dᵀ [colRows, outC] · gradOut_n [outC, positions]; then back to pixels
      const gradCols = this.gradCols.subarray(0, colsSize);
      gemm(colRows, positions, outChannels, this.kernel.value.data, gradOutN, gradCols, { transA: true });
      col2im(gradCols, 0, this.inChannels, geometry, gradInput, n * imageSize);
    }
  }

  /** Image n's cols: its own slice when every image's cols are kept, else the one shared slot. A view, not a copy. */
  private colsOf(n: number, colsSize: number): Float64Array {
    const slot = this.last!.colsKept ? n : 0;
    return this.cols.subarray(slot * colsSize, (slot + 1) * colsSize);
  }

  /** The shape of the last forward's output, or undefined before the first forward. */
  private lastOutputShape(): number[] | undefined {
    if (this.last === undefined) return undefined;
    const { input, geometry } = this.last;
    return [input.shape[0], this.outChannels, geometry.outHeight, geometry.outWidth];
  }

  /** Where the kernel goes over an input of this shape, or an error naming the layer. */
  private geometry(caller: string, inputShape: readonly number[]): WindowGeometry {
    const { kernelHeight, kernelWidth, strideHeight, strideWidth, padding } = this;
    return windowGeometry(`${caller} (layer "${this.name}")`, "kernel", inputShape[2], inputShape[3], { kernelHeight, kernelWidth, strideHeight, strideWidth, padding });
  }
}
