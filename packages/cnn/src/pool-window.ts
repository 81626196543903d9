import { type WindowGeometry, pairOf, windowGeometry } from "./window-geometry.ts";

/** A pooling window's size and step, each [height, width]. */
export interface PoolWindow {
  poolHeight: number;
  poolWidth: number;
  strideHeight: number;
  strideWidth: number;
}

/** Reads a pooling layer's (size, stride = size), checking both, e.g. MaxPool2D(2) or MaxPool2D([3, 3], 2). */
export function poolWindow(caller: string, size: number | [number, number], stride: number | [number, number] = size): PoolWindow {
  const [poolHeight, poolWidth] = pairOf(caller, "size", size);
  const [strideHeight, strideWidth] = pairOf(caller, "stride", stride);
  return { poolHeight, poolWidth, strideHeight, strideWidth };
}

/**
 * Where the window goes over images of this shape. Pooling uses "valid" windows, as Keras
 * does by default: out = ⌊(in − size) / stride⌋ + 1, and rows or columns left over at the
 * bottom or right (when the window does not tile the image exactly) are not pooled.
 */
export function poolGeometry(caller: string, window: PoolWindow, inputShape: readonly number[]): WindowGeometry {
  const { poolHeight, poolWidth, strideHeight, strideWidth } = window;
  return windowGeometry(caller, "pooling window", inputShape[2], inputShape[3], {
    kernelHeight: poolHeight, kernelWidth: poolWidth, strideHeight, strideWidth, padding: "valid",
  });
}

