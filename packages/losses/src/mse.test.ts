import { GradientCheckError, checkGradient } from "@gradschool/gradcheck";
import { type Tensor, randn, rng, scale, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { mse } from "./mse.ts";
import { expectLossGradient } from "./test-support.ts";

describe("mse", () => {
  const pred = tensor([2.5, 0, 2, 8]);
  const target = tensor([3, -0.5, 2, 7]);

  test("mse of [2.5, 0, 2, 8] against [3, −0.5, 2, 7] is 0.375 (scikit-learn's example)", () => {
    expect(mse.forward(pred, target)).toBeCloseTo(0.375, 15);
  });

  test("the gradient is 2(pred − target)/n", () => {
    expect(Array.from(mse.backward(pred, target).data)).toEqual([-0.25, 0.25, 0, 0.5]);
  });

  test("is 0 with a zero gradient when every prediction is right", () => {
    expect(mse.forward(target, target)).toBe(0);
    expect(Array.from(mse.backward(target, target).data)).toEqual([0, 0, 0, 0]);
  });

  test("backward matches central differences at every element", () => {
    const random = rng(1);
    const report = expectLossGradient(mse, randn([5, 3], random), randn([5, 3], random));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("the gradient check catches a backward that forgets the factor 2", () => {
    const random = rng(2);
    const p = randn([4, 3], random);
    const t = randn([4, 3], random);
    const halved = scale(mse.backward(p, t), 0.5);
    const report = checkGradient((x: Tensor) => mse.forward(x, t), p, halved);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeCloseTo(0.5, 6); // |n/2 − n| / |n|
    expect(() => expectLossGradient({ ...mse, backward: () => halved }, p, t)).toThrow(GradientCheckError);
  });

  test("the gradient check catches a backward for the sum instead of the mean (a missing 1/n)", () => {
    const random = rng(3);
    const p = randn([4, 3], random);
    const t = randn([4, 3], random);
    const summed = scale(mse.backward(p, t), p.size);
    const report = checkGradient((x: Tensor) => mse.forward(x, t), p, summed);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeCloseTo(1 - 1 / 12, 6);
  });

  test("rejects pred [4, 1] against target [4], naming both shapes", () => {
    expect(() => mse.forward(tensor([[1], [2], [3], [4]]), target)).toThrow(
      /mse\.forward: pred is \[4, 1\] but target is \[4\]; expected the same shape/,
    );
    expect(() => mse.backward(tensor([[1], [2], [3], [4]]), target)).toThrow(/mse\.backward: pred is \[4, 1\]/);
  });

  test("rejects a NaN prediction and names where it is", () => {
    expect(() => mse.forward(tensor([[1, 2], [NaN, 4]]), tensor([[1, 2], [3, 4]]))).toThrow(
      /mse\.forward: pred\[1, 0\] is NaN; expected finite numbers/,
    );
  });

  test("rejects class indices as a target: regression needs a tensor of pred's shape", () => {
    expect(() => mse.forward(pred, [1, 0, 1, 1])).toThrow(
      /mse\.forward: target must be a Tensor with pred's shape \[4\]; received an array of length 4/,
    );
  });

  test("rejects a pred that is not a tensor", () => {
    expect(() => mse.forward([1, 2] as unknown as Tensor, target)).toThrow(
      /mse\.forward: pred must be a Tensor; received an array of length 2/,
    );
  });
});
