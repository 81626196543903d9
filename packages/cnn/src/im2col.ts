import type { WindowGeometry } from "./window-geometry.ts";

/**
 * im2col and col2im: the two data movements that turn a convolution into one matrix
 * product. They exist for speed; conv2d-reference.ts says the same thing in plain loops,
 * and tests check the two agree.
 *
 * im2col copies every window of one image x [C, H, W] into a column of a matrix:
 *
 *   cols [C·kH·kW, outH·outW]
 *   cols[(c·kH + ki)·kW + kj, oi·outW + oj] = x[c, oi·sH + ki − padTop, oj·sW + kj − padLeft]
 *                                             (0 where that falls outside the image: the padding)
 *
 * Column p = oi·outW + oj is the window under output position p, flattened in the order
 * of a kernel [C, kH, kW]; so each output channel is one row of the kernel seen as a
 * matrix [outC, C·kH·kW], and the whole convolution is  out [outC, outH·outW] = kernel2d · cols.
 *
 * col2im is the transpose: it adds each entry of a cols-shaped gradient back into the pixel
 * it was copied from. A pixel that sits in several windows (whenever stride < kernel) gets
 * the SUM of their gradients: the chain rule for a value used more than once.
 *
 * Loop order follows memory: for each row (c, ki, kj) of cols, for each output row oi, a
 * contiguous run over the output columns oj. The range of oj whose input column lands
 * inside the image depends on kj only, so it is computed before the oi loop and the inner
 * loop has no bounds test: padding is a run of zeros before and after it.
 */
export function im2col(
  image: Float64Array,
  imageStart: number,
  channels: number,
  g: WindowGeometry,
  cols: Float64Array,
  colsStart: number,
): void {
  const { height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, outHeight, outWidth } = g;
  let row = colsStart; // where the current output row of the current (c, ki, kj) row of cols starts
  for (let c = 0; c < channels; c++) {
    const plane = imageStart + c * height * width;
    for (let ki = 0; ki < kernelHeight; ki++) {
      for (let kj = 0; kj < kernelWidth; kj++) {
        // The output columns whose input column oj·sW + kj − padLeft is inside [0, width):
        // oj ≥ ⌈(padLeft − kj) / sW⌉ and oj ≤ ⌊(width − 1 + padLeft − kj) / sW⌋.
        const ojStart = Math.max(0, Math.ceil((padLeft - kj) / strideWidth));
        const ojEnd = Math.max(ojStart, Math.min(outWidth, Math.floor((width - 1 + padLeft - kj) / strideWidth) + 1));
        for (let oi = 0; oi < outHeight; oi++, row += outWidth) {
          const inRow = oi * strideHeight + ki - padTop;
          if (inRow < 0 || inRow >= height) {
            cols.fill(0, row, row + outWidth); // a whole output row of padding
            continue;
          }
          let oj = 0;
          for (; oj < ojStart; oj++) cols[row + oj] = 0;
          // x[c, inRow, oj·sW + kj − padLeft] for oj in [ojStart, ojEnd)
          for (let from = plane + inRow * width + ojStart * strideWidth + kj - padLeft; oj < ojEnd; oj++, from += strideWidth) {
            cols[row + oj] = image[from];
          }
          for (; oj < outWidth; oj++) cols[row + oj] = 0;
        }
      }
    }
  }
}

/** The transpose of im2col: image[c, i, j] += every cols entry that was copied from x[c, i, j]. */
export function col2im(
  cols: Float64Array,
  colsStart: number,
  channels: number,
  g: WindowGeometry,
  image: Float64Array,
  imageStart: number,
): void {
  const { height, width, kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, outHeight, outWidth } = g;
  let row = colsStart;
  for (let c = 0; c < channels; c++) {
    const plane = imageStart + c * height * width;
    for (let ki = 0; ki < kernelHeight; ki++) {
      for (let kj = 0; kj < kernelWidth; kj++) {
        // The output columns whose input column oj·sW + kj − padLeft is inside [0, width):
        // oj ≥ ⌈(padLeft − kj) / sW⌉ and oj ≤ ⌊(width − 1 + padLeft − kj) / sW⌋.
        const ojStart = Math.max(0, Math.ceil((padLeft - kj) / strideWidth));
        const ojEnd = Math.max(ojStart, Math.min(outWidth, Math.floor((width - 1 + padLeft - kj) / strideWidth) + 1));
        for (let oi = 0; oi < outHeight; oi++, row += outWidth) {
          const inRow = oi * strideHeight + ki - padTop;
          if (inRow < 0 || inRow >= height) continue; // padding: its gradient goes nowhere
          for (let oj = ojStart, to = plane + inRow * width + ojStart * strideWidth + kj - padLeft; oj < ojEnd; oj++, to += strideWidth) {
            image[to] += cols[row + oj]; // += : overlapping windows add up
          }
        }
      }
    }
  }
}

