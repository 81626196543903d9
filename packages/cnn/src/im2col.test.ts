import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { randn, rng } from "@gradschool/tensor";
import { col2im, im2col } from "./im2col.ts";
import { type Padding, windowGeometry } from "./window-geometry.ts";

describe("im2col", () => {
  test("puts each 2×2 window of a 3×3 image in a column, in kernel order", () => {
    const image = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]); // [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    const g = windowGeometry("t", "kernel", 3, 3, { kernelHeight: 2, kernelWidth: 2, strideHeight: 1, strideWidth: 1, padding: "valid" });
    const cols = new Float64Array(4 * 4);
    im2col(image, 0, 1, g, cols, 0);
    // rows: kernel positions (0,0) (0,1) (1,0) (1,1); columns: windows at (0,0) (0,1) (1,0) (1,1)
    expect([...cols]).toEqual([
      1, 2, 4, 5,
      2, 3, 5, 6,
      4, 5, 7, 8,
      5, 6, 8, 9,
    ]);
  });

  test("writes zeros for the padding, including the extra bottom/right pixel of \"same\"", () => {
    const image = Float64Array.from([1, 2, 3, 4]); // [[1, 2], [3, 4]]
    // k 2, stride 1, "same" on 2×2: total pad 1, all after → windows at (0,0) (0,1) (1,0) (1,1)
    const g = windowGeometry("t", "kernel", 2, 2, { kernelHeight: 2, kernelWidth: 2, strideHeight: 1, strideWidth: 1, padding: "same" });
    const cols = new Float64Array(4 * 4).fill(NaN); // every entry must be written
    im2col(image, 0, 1, g, cols, 0);
    expect([...cols]).toEqual([
      1, 2, 3, 4,
      2, 0, 4, 0,
      3, 4, 0, 0,
      4, 0, 0, 0,
    ]);
  });

  test("reads the image at imageStart and writes cols at colsStart (one sample of a batch)", () => {
    const batch = Float64Array.from([9, 9, 9, 9, 1, 2, 3, 4]); // image 1 is [[1, 2], [3, 4]]
    const g = windowGeometry("t", "kernel", 2, 2, { kernelHeight: 1, kernelWidth: 1, strideHeight: 1, strideWidth: 1, padding: "valid" });
    const cols = new Float64Array(6);
    im2col(batch, 4, 1, g, cols, 2);
    expect([...cols]).toEqual([0, 0, 1, 2, 3, 4]);
  });
});

describe("col2im", () => {
  test("adds overlapping windows: each pixel gets one count per window that covers it", () => {
    const g = windowGeometry("t", "kernel", 3, 3, { kernelHeight: 2, kernelWidth: 2, strideHeight: 1, strideWidth: 1, padding: "valid" });
    const image = new Float64Array(9);
    col2im(new Float64Array(16).fill(1), 0, 1, g, image, 0);
    expect([...image]).toEqual([1, 2, 1, 2, 4, 2, 1, 2, 1]);
  });

  // col2im is the transpose of im2col: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ for every x and c. That
  // identity is what makes ∂L/∂x = col2im(∂L/∂cols) the correct backward of im2col.
  test("is the transpose of im2col, ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩, for random shapes, strides and paddings", () => {
    const cases = fc.record({
      seed: fc.integer(),
      channels: fc.integer({ min: 1, max: 3 }),
      height: fc.integer({ min: 1, max: 7 }),
      width: fc.integer({ min: 1, max: 7 }),
      kernelHeight: fc.integer({ min: 1, max: 4 }),
      kernelWidth: fc.integer({ min: 1, max: 4 }),
      strideHeight: fc.integer({ min: 1, max: 3 }),
      strideWidth: fc.integer({ min: 1, max: 3 }),
      padding: fc.oneof(fc.constant<Padding>("valid"), fc.constant<Padding>("same"), fc.integer({ min: 0, max: 2 })),
    });
    fc.assert(
      fc.property(cases, ({ seed, channels, height, width, padding, ...window }) => {
        const paddedEnough = padding === "same" || window.kernelHeight <= height + 2 * (padding === "valid" ? 0 : padding);
        const paddedEnoughWide = padding === "same" || window.kernelWidth <= width + 2 * (padding === "valid" ? 0 : padding);
        fc.pre(paddedEnough && paddedEnoughWide);
        const g = windowGeometry("t", "kernel", height, width, { ...window, padding });
        const colsSize = channels * window.kernelHeight * window.kernelWidth * g.outHeight * g.outWidth;
        const random = rng(seed);
        const x = randn([channels * height * width], random).data;
        const c = randn([colsSize], random).data;
        const cols = new Float64Array(colsSize);
        im2col(x, 0, channels, g, cols, 0);
        const back = new Float64Array(x.length);
        col2im(c, 0, channels, g, back, 0);
        let left = 0;
        let right = 0;
        for (let i = 0; i < colsSize; i++) left += cols[i] * c[i];
        for (let i = 0; i < x.length; i++) right += x[i] * back[i];
        return Math.abs(left - right) <= 1e-10 * (1 + Math.abs(left));
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
