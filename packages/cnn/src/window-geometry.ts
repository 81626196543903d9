import { Tensor, formatShape } from "@gradschool/tensor";

/** How a convolution pads its input: "valid" (none), "same" (Keras's rule), or that many zeros on every side. */
export type Padding = "valid" | "same" | number;

/**
 * Where a sliding window (a convolution kernel or a pooling window) goes over an image of
 * height × width, and how big the output is.
 *
 *   "valid"   no padding:        out = ⌊(in − k) / stride⌋ + 1
 *   number p  p zeros each side: out = ⌊(in + 2p − k) / stride⌋ + 1
 *   "same"    TensorFlow/Keras:  out = ⌈in / stride⌉, total pad = max((out − 1)·stride + k − in, 0),
 *             ⌊total/2⌋ on top/left and the rest (one more when total is odd) on bottom/right
 *
 * Window (oi, oj) covers input rows oi·strideHeight − padTop … + kernelHeight − 1 and
 * columns oj·strideWidth − padLeft … + kernelWidth − 1; positions outside the image are zeros.
 */
export interface WindowGeometry {
  height: number;
  width: number;
  kernelHeight: number;
  kernelWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
}

export interface WindowSpec {
  kernelHeight: number;
  kernelWidth: number;
  strideHeight: number;
  strideWidth: number;
  padding: Padding;
}

/**
 * The geometry of a window over a height × width image. `caller` and `what` ("kernel",
 * "pooling window") name the error when the window does not fit inside the padded image.
 */
export function windowGeometry(caller: string, what: string, height: number, width: number, spec: WindowSpec): WindowGeometry {
  const { kernelHeight, kernelWidth, strideHeight, strideWidth, padding } = spec;
  const [padTop, padBottom, outHeight] = padAlong(height, kernelHeight, strideHeight, padding);
  const [padLeft, padRight, outWidth] = padAlong(width, kernelWidth, strideWidth, padding);
  const paddedHeight = height + padTop + padBottom;
  const paddedWidth = width + padLeft + padRight;
  if (kernelHeight > paddedHeight || kernelWidth > paddedWidth) {
    const padded = padTop + padBottom + padLeft + padRight === 0 ? "" : ` (${paddedHeight}×${paddedWidth} after padding ${JSON.stringify(padding)})`;
    throw new Error(
      `${caller}: the ${kernelHeight}×${kernelWidth} ${what} is larger than the ${height}×${width} input${padded}; ` +
        `expected an input of at least ${kernelHeight}×${kernelWidth}` + (padding === "valid" && what === "kernel" ? ', or padding "same"' : ""),
    );
  }
  return { height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, outHeight, outWidth };
}

/** [padBefore, padAfter, out] along one axis of `size` for a window of `kernel` moved by `stride`. */
function padAlong(size: number, kernel: number, stride: number, padding: Padding): [number, number, number] {
  if (padding === "same") {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + kernel - size, 0);
    const before = Math.floor(total / 2); // the odd pixel goes after: bottom and right, as TensorFlow
    return [before, total - before, out];
  }
  const pad = padding === "valid" ? 0 : padding;
  return [pad, pad, Math.floor((size + 2 * pad - kernel) / stride) + 1];
}

/** A size given as one number or as [height, width], checked to be positive integers. */
export function pairOf(caller: string, label: string, value: number | readonly [number, number]): [number, number] {
  const pair: unknown[] = Array.isArray(value) ? value : [value, value];
  if (pair.length !== 2 || !pair.every((dim) => Number.isInteger(dim) && (dim as number) >= 1)) {
    throw new Error(`${caller}: ${label} must be a positive integer or [height, width] of positive integers; received ${JSON.stringify(value)}`);
  }
  return pair as [number, number];
}

/** Checks padding is "valid", "same" or a whole number of zeros ≥ 0. */
export function checkPadding(caller: string, padding: unknown): asserts padding is Padding {
  if (padding === "valid" || padding === "same" || (Number.isInteger(padding) && (padding as number) >= 0)) return;
  throw new Error(`${caller}: padding must be "valid", "same" or a whole number of zeros ≥ 0; received ${JSON.stringify(padding)}`);
}

/**
 * Throws unless x is a 4-D tensor [batch, channels, height, width] (NCHW), naming the
 * caller and, when given, the channel count the layer expects.
 */
export function checkImages(caller: string, x: unknown, channels?: number): asserts x is Tensor {
  const expected = `4-D images [batch, ${channels ?? "channels"}, height, width] (NCHW)`;
  if (!(x instanceof Tensor)) {
    throw new Error(`${caller}: x must be a Tensor of ${expected}; received ${Array.isArray(x) ? "an array" : x === null ? "null" : typeof x}`);
  }
  if (x.rank !== 4) {
    const hint = x.rank === 2 ? " (MNIST rows of 784? reshape them to [batch, 1, 28, 28])" : "";
    throw new Error(`${caller}: x is ${formatShape(x.shape)}; expected ${expected}${hint}`);
  }
  if (x.shape[0] < 1) throw new Error(`${caller}: x is ${formatShape(x.shape)}; expected at least one image`);
  if (channels !== undefined && x.shape[1] !== channels) {
    throw new Error(`${caller}: x is ${formatShape(x.shape)} with ${x.shape[1]} channels; expected ${channels} channels, ${expected}`);
  }
}

/** The same check for a shape alone (outputShape). */
export function checkImageShape(caller: string, shape: readonly number[], channels?: number): void {
  if (shape.length !== 4 || (channels !== undefined && shape[1] !== channels)) {
    throw new Error(`${caller}: input is ${formatShape(shape)}; expected 4-D images [batch, ${channels ?? "channels"}, height, width] (NCHW)`);
  }
}
