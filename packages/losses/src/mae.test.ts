import { map, randn, rng, tensor, zipMap } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { mae } from "./mae.ts";
import { expectLossGradient } from "./test-support.ts";

describe("mae", () => {
  test("mae of [2.5, 0, 2, 8] against [3, −0.5, 2, 7] is 0.5 (scikit-learn's example)", () => {
    expect(mae.forward(tensor([2.5, 0, 2, 8]), tensor([3, -0.5, 2, 7]))).toBe(0.5);
  });

  test("the gradient is sign(pred − target)/n: the same size however large the error, 0 where it is right", () => {
    const grad = mae.backward(tensor([2.5, 0, 2, 108]), tensor([3, -0.5, 2, 7]));
    expect(Array.from(grad.data)).toEqual([-0.25, 0.25, 0, 0.25]);
  });

  test("an outlier raises it linearly, where mse grows with the square", () => {
    const target = tensor([0, 0, 0, 0]);
    expect(mae.forward(tensor([1, 1, 1, 1]), target)).toBe(1);
    expect(mae.forward(tensor([1, 1, 1, 101]), target)).toBe(26);
  });

  test("backward matches central differences at every element (errors kept away from the kink at 0)", () => {
    const random = rng(4);
    const target = randn([5, 3], random);
    const offsets = map(randn([5, 3], random), (v) => (v < 0 ? v - 0.1 : v + 0.1));
    const pred = zipMap(target, offsets, (t, offset) => t + offset);
    const report = expectLossGradient(mae, pred, target);
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("rejects mismatched shapes, naming both", () => {
    expect(() => mae.backward(tensor([[1, 2, 3]]), tensor([[1], [2], [3]]))).toThrow(
      /mae\.backward: pred is \[1, 3\] but target is \[3, 1\]/,
    );
  });

  test("rejects an infinite prediction", () => {
    expect(() => mae.forward(tensor([1, Infinity]), tensor([1, 2]))).toThrow(/mae\.forward: pred\[1\] is Infinity/);
  });
});
