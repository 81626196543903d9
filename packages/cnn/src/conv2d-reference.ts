import { Tensor, formatShape, zeros } from "@gradschool/tensor";
import { type Padding, type WindowGeometry, checkImages, checkPadding, pairOf, windowGeometry } from "./window-geometry.ts";

export interface ConvOptions {
  /** How far the window moves each step, one number or [height, width] (default 1). */
  stride?: number | [number, number];
  /** "valid" (default), "same", or that many zeros on every side. */
  padding?: Padding;
}

/**
 * A 2-D convolution written out as its definition: the readable reference that the fast
 * Conv2D (im2col + matmul) is tested against. No tricks, one multiply-add per line of maths.
 *
 *   out[n, o, i, j] = b[o] + Σ_c Σ_ki Σ_kj  K[o, c, ki, kj] · x[n, c, i·sH + ki − padTop, j·sW + kj − padLeft]
 *
 * x [batch, C, H, W], K [outC, C, kH, kW], b [outC], out [batch, outC, outH, outW]; pixels
 * outside the image count as 0 (padding). As in every deep-learning library this is, strictly,
 * a cross-correlation: the kernel is not flipped.
 */
export function conv2dReference(x: Tensor, kernel: Tensor, bias: Tensor, options: ConvOptions = {}): Tensor {
  const g = referenceGeometry("conv2dReference", x, kernel, options);
  if (!(bias instanceof Tensor) || bias.rank !== 1 || bias.shape[0] !== kernel.shape[0]) {
    const received = bias instanceof Tensor ? formatShape(bias.shape) : typeof bias;
    throw new Error(`conv2dReference: bias is ${received}; expected [${kernel.shape[0]}], one per output channel`);
  }
  const [batch, channels] = x.shape;
  const outChannels = kernel.shape[0];
  const out = zeros([batch, outChannels, g.outHeight, g.outWidth]);
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outChannels; o++) {
      for (let i = 0; i < g.outHeight; i++) {
        for (let j = 0; j < g.outWidth; j++) {
          let sum = bias.data[o];
          for (let c = 0; c < channels; c++) {
            for (let ki = 0; ki < g.kernelHeight; ki++) {
              for (let kj = 0; kj < g.kernelWidth; kj++) {
                sum += kernel.data[kernelIndex(kernel, o, c, ki, kj)] * pixel(x, g, n, c, i * g.strideHeight + ki - g.padTop, j * g.strideWidth + kj - g.padLeft);
              }
            }
          }
          out.data[((n * outChannels + o) * g.outHeight + i) * g.outWidth + j] = sum;
        }
      }
    }
  }
  return out;
}

/**
 * The backward pass of the same loops: every multiply-add  out += K·x  above sends
 * gradOut back to both factors, and b's gradient is the sum of gradOut over every place
 * b was added.
 *
 *   ∂L/∂K[o, c, ki, kj] += gradOut[n, o, i, j] · x[n, c, i·sH + ki − padTop, j·sW + kj − padLeft]
 *   ∂L/∂x[n, c, i·sH + ki − padTop, j·sW + kj − padLeft] += gradOut[n, o, i, j] · K[o, c, ki, kj]
 *   ∂L/∂b[o] += gradOut[n, o, i, j]
 *
 * summed over n, o, i, j, c, ki, kj (padding pixels receive nothing: they are not inputs).
 */
export function conv2dReferenceBackward(
  x: Tensor,
  kernel: Tensor,
  gradOut: Tensor,
  options: ConvOptions = {},
): { gradInput: Tensor; gradKernel: Tensor; gradBias: Tensor } {
  const g = referenceGeometry("conv2dReferenceBackward", x, kernel, options);
  const [batch, channels, height, width] = x.shape;
  const outChannels = kernel.shape[0];
  const expected = [batch, outChannels, g.outHeight, g.outWidth];
  if (!(gradOut instanceof Tensor) || formatShape(gradOut.shape) !== formatShape(expected)) {
    const received = gradOut instanceof Tensor ? formatShape(gradOut.shape) : typeof gradOut;
    throw new Error(`conv2dReferenceBackward: gradOut is ${received}; expected ${formatShape(expected)}, the output's shape`);
  }
  const gradInput = zeros(x.shape);
  const gradKernel = zeros(kernel.shape);
  const gradBias = zeros([outChannels]);
  for (let n = 0; n < batch; n++) {
    for (let o = 0; o < outChannels; o++) {
      for (let i = 0; i < g.outHeight; i++) {
        for (let j = 0; j < g.outWidth; j++) {
          const grad = gradOut.data[((n * outChannels + o) * g.outHeight + i) * g.outWidth + j];
          gradBias.data[o] += grad;
          for (let c = 0; c < channels; c++) {
            for (let ki = 0; ki < g.kernelHeight; ki++) {
              for (let kj = 0; kj < g.kernelWidth; kj++) {
                const row = i * g.strideHeight + ki - g.padTop;
                const col = j * g.strideWidth + kj - g.padLeft;
                if (row < 0 || row >= height || col < 0 || col >= width) continue; // padding
                const k = kernelIndex(kernel, o, c, ki, kj);
                const p = ((n * channels + c) * height + row) * width + col;
                gradKernel.data[k] += grad * x.data[p];
                gradInput.data[p] += grad * kernel.data[k];
              }
            }
          }
        }
      }
    }
  }
  return { gradInput, gradKernel, gradBias };
}

/** x[n, c, row, col], or 0 outside the image (the zero padding). */
function pixel(x: Tensor, g: WindowGeometry, n: number, c: number, row: number, col: number): number {
  if (row < 0 || row >= g.height || col < 0 || col >= g.width) return 0;
  return x.data[((n * x.shape[1] + c) * g.height + row) * g.width + col];
}

/** Where K[o, c, ki, kj] sits in the kernel's row-major data. */
function kernelIndex(kernel: Tensor, o: number, c: number, ki: number, kj: number): number {
  const [, channels, kernelHeight, kernelWidth] = kernel.shape;
  return ((o * channels + c) * kernelHeight + ki) * kernelWidth + kj;
}

/** Checks x and the kernel agree and returns where the kernel goes over x. */
function referenceGeometry(caller: string, x: Tensor, kernel: Tensor, options: ConvOptions): WindowGeometry {
  if (!(kernel instanceof Tensor) || kernel.rank !== 4) {
    const received = kernel instanceof Tensor ? formatShape(kernel.shape) : typeof kernel;
    throw new Error(`${caller}: kernel is ${received}; expected 4-D [outChannels, inChannels, kernelHeight, kernelWidth]`);
  }
  checkImages(caller, x, kernel.shape[1]);
  const { stride = 1, padding = "valid" } = options;
  const [strideHeight, strideWidth] = pairOf(caller, "stride", stride);
  checkPadding(caller, padding);
  const [, , kernelHeight, kernelWidth] = kernel.shape;
  return windowGeometry(caller, "kernel", x.shape[2], x.shape[3], { kernelHeight, kernelWidth, strideHeight, strideWidth, padding });
}
