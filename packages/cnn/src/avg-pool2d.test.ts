import { describe, expect, test } from "vitest";
import { rng, tensor, zeros } from "@gradschool/tensor";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { AvgPool2D } from "./avg-pool2d.ts";

describe("AvgPool2D", () => {
  test("averages each 2×2 window", () => {
    const x = tensor([[[[1, 5, 2, 0], [3, 3, 8, 2], [0, 0, 1, 2], [8, 4, 3, 6]]]]);
    expect(new AvgPool2D(2).forward(x).toArray()).toEqual([[[[3, 3], [3, 3]]]]);
  });

  test("shares each gradient equally among the inputs of its window, adding where windows overlap", () => {
    const pool = new AvgPool2D(2, 1); // 3×3 → 2×2
    pool.forward(zeros([1, 1, 3, 3]));
    expect(pool.backward(tensor([[[[4, 8], [12, 16]]]])).toArray()).toEqual([[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]]);
  });

  test("uses valid windows and predicts its output shape", () => {
    expect(new AvgPool2D(2).forward(zeros([2, 3, 5, 7])).shape).toEqual([2, 3, 2, 3]);
    expect(new AvgPool2D([3, 2], [2, 1]).outputShape([2, 3, 7, 4])).toEqual([2, 3, 3, 3]);
  });

  test.each([
    { name: "2×2, stride 2, batch 2, 3 channels", size: 2, stride: 2, shape: [2, 3, 4, 6] },
    { name: "3×3, stride 2 (overlapping)", size: 3, stride: 2, shape: [2, 2, 7, 6] },
    { name: "2×3 windows, stride [1, 2]", size: [2, 3] as [number, number], stride: [1, 2] as [number, number], shape: [1, 2, 4, 7] },
  ])("matches central differences for x: $name", ({ size, stride, shape }) => {
    expectLayerGradientsClose(new AvgPool2D(size, stride), shape, rng(41));
  });

  test("rejects a window larger than the input, a non-4-D input and a bad size", () => {
    expect(() => new AvgPool2D(4).forward(zeros([1, 1, 3, 3]))).toThrow(/AvgPool2D\.forward .*the 4×4 pooling window is larger than the 3×3 input/);
    expect(() => new AvgPool2D(2).forward(zeros([3, 3, 3]))).toThrow(/AvgPool2D\.forward: x is \[3, 3, 3\]; expected 4-D images/);
    expect(() => new AvgPool2D([2, -1])).toThrow(/AvgPool2D: size must be .*received \[2,-1\]/);
  });

  test("backward before forward, or with the wrong gradOut, says what it expected", () => {
    expect(() => new AvgPool2D(2, 2, { name: "avg" }).backward(zeros([1, 1, 1, 1]))).toThrow(/AvgPool2D\.backward: layer "avg" has not run forward yet/);
    const pool = new AvgPool2D(2);
    pool.forward(zeros([1, 1, 4, 4]));
    expect(() => pool.backward(zeros([1, 1, 3, 3]))).toThrow(/AvgPool2D\.backward: gradOut is \[1, 1, 3, 3\]; expected \[1, 1, 2, 2\]/);
  });
});
