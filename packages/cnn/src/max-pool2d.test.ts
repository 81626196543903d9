import { describe, expect, test } from "vitest";
import { type Rng, Tensor, randn, rng, sizeOf, tensor, zeros } from "@gradschool/tensor";
import { expectGradientsClose } from "@gradschool/gradcheck";
import { MaxPool2D } from "./max-pool2d.ts";

/**
 * Images whose values are all different, at least 0.1 apart: a central difference nudges
 * one value by 1e-5, which can never change which value of a window is the max, so max
 * pooling is smooth at these points and the gradient check is fair.
 */
function distinctImages(shape: number[], random: Rng): Tensor {
  const order = random.permutation(sizeOf(shape));
  return new Tensor(Float64Array.from(order, (rank) => rank * 0.1 - 3), shape);
}

/** Checks ∂L/∂x of max pooling against central differences, for L = Σ pool(x) ⊙ R. */
function expectPoolGradientClose(pool: MaxPool2D, shape: number[], seed: number): void {
  const random = rng(seed);
  const x = distinctImages(shape, random);
  const projection = randn(pool.forward(x).shape, random);
  const gradInput = pool.backward(projection);
  const loss = (probe: Tensor) => pool.forward(probe).data.reduce((total, value, i) => total + value * projection.data[i], 0);
  expectGradientsClose(loss, x, gradInput);
}

describe("MaxPool2D forward", () => {
  test("keeps the largest value of each 2×2 window", () => {
    const x = tensor([[[[1, 5, 2, 0], [3, 4, 8, 1], [0, 0, 1, 2], [9, 0, 3, 4]]]]);
    expect(new MaxPool2D(2).forward(x).toArray()).toEqual([[[[5, 8], [9, 4]]]]);
  });

  test("pools every channel of every image on its own", () => {
    const x = tensor([[[[1, 2], [3, 4]], [[-1, -2], [-3, -4]]], [[[0, 7], [0, 0]], [[6, 0], [0, 0]]]]); // [2, 2, 2, 2]
    expect(new MaxPool2D(2).forward(x).toArray()).toEqual([[[[4]], [[-1]]], [[[7]], [[6]]]]);
  });

  test("uses valid windows: a 5×5 image pooled by 2 gives 2×2, the last row and column unused", () => {
    const pool = new MaxPool2D(2);
    expect(pool.forward(zeros([3, 4, 5, 5])).shape).toEqual([3, 4, 2, 2]);
    expect(pool.outputShape([3, 4, 5, 5])).toEqual([3, 4, 2, 2]);
    expect(new MaxPool2D(3, 2).outputShape([1, 1, 7, 8])).toEqual([1, 1, 3, 3]);
    expect(new MaxPool2D([2, 3], [1, 3]).outputShape([1, 1, 4, 9])).toEqual([1, 1, 3, 3]);
  });
});

describe("MaxPool2D backward", () => {
  test("routes each gradient to where its window's max was; every other input gets 0", () => {
    const pool = new MaxPool2D(2);
    pool.forward(tensor([[[[1, 5, 2, 0], [3, 4, 8, 1], [0, 0, 1, 2], [9, 0, 3, 4]]]]));
    const gradInput = pool.backward(tensor([[[[10, 20], [30, 40]]]]));
    expect(gradInput.toArray()).toEqual([[[[0, 10, 0, 0], [0, 0, 20, 0], [0, 0, 0, 0], [30, 0, 0, 40]]]]);
  });

  test("gives a tie to the first max in the window, row by row", () => {
    const pool = new MaxPool2D(2);
    pool.forward(tensor([[[[2, 7], [7, 7]]]]));
    expect(pool.backward(tensor([[[[1]]]])).toArray()).toEqual([[[[0, 1], [0, 0]]]]);
  });

  test("adds the gradients of overlapping windows that share a max", () => {
    const pool = new MaxPool2D(2, 1); // 3×3 → 2×2; the centre 9 is the max of all four windows
    pool.forward(tensor([[[[1, 2, 3], [4, 9, 5], [6, 7, 8]]]]));
    expect(pool.backward(tensor([[[[1, 2], [3, 4]]]])).toArray()).toEqual([[[[0, 0, 0], [0, 10, 0], [0, 0, 0]]]]);
  });

  test.each([
    { name: "2×2, stride 2, batch 2, 3 channels", size: 2, stride: 2, shape: [2, 3, 6, 6] },
    { name: "3×3, stride 2 (overlapping)", size: 3, stride: 2, shape: [2, 2, 7, 7] },
    { name: "2×2, stride 1 (overlapping)", size: 2, stride: 1, shape: [1, 2, 5, 4] },
    { name: "2×3 windows, stride [1, 2], leftover columns", size: [2, 3] as [number, number], stride: [1, 2] as [number, number], shape: [2, 1, 5, 8] },
  ])("matches central differences on inputs with a unique max per window: $name", ({ size, stride, shape }) => {
    expectPoolGradientClose(new MaxPool2D(size, stride), shape, 31);
  });
});

describe("MaxPool2D errors", () => {
  test("rejects a window larger than the input", () => {
    expect(() => new MaxPool2D(3, 3, { name: "pool" }).forward(zeros([1, 1, 2, 5]))).toThrow(/MaxPool2D\.forward \(layer "pool"\): the 3×3 pooling window is larger than the 2×5 input/);
    expect(() => new MaxPool2D(3).outputShape([1, 8, 2, 2])).toThrow(/MaxPool2D\.outputShape .*3×3 pooling window is larger than the 2×2 input/);
  });

  test("rejects a non-4-D input and bad sizes", () => {
    expect(() => new MaxPool2D(2).forward(zeros([4, 16]))).toThrow(/MaxPool2D\.forward: x is \[4, 16\]; expected 4-D images/);
    expect(() => new MaxPool2D(0)).toThrow(/MaxPool2D: size must be a positive integer .*received 0/);
    expect(() => new MaxPool2D(2, 1.5)).toThrow(/MaxPool2D: stride must be .*received 1\.5/);
  });

  test("backward before forward, or with the wrong gradOut, says what it expected", () => {
    expect(() => new MaxPool2D(2, 2, { name: "pool" }).backward(zeros([1, 1, 1, 1]))).toThrow(/MaxPool2D\.backward: layer "pool" has not run forward yet/);
    const pool = new MaxPool2D(2);
    pool.forward(zeros([2, 3, 4, 4]));
    expect(() => pool.backward(zeros([2, 3, 4, 4]))).toThrow(/MaxPool2D\.backward: gradOut is \[2, 3, 4, 4\]; expected \[2, 3, 2, 2\]/);
  });
});
