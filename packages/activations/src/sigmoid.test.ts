import { describe, expect, test } from "vitest";
import { GradientCheckError, checkGradient } from "@gradschool/gradcheck";
import { type Tensor, mul, ones, randn, rng, sum, tensor, zipMap } from "@gradschool/tensor";
import { sigmoid } from "./sigmoid.ts";
import { expectActivationGradient, inputsAwayFromZero } from "./test-support.ts";

describe("sigmoid", () => {
  test("σ(0) is 1/2 and σ(−x) is 1 − σ(x)", () => {
    const x = tensor([-3, -0.5, 0, 0.5, 3]);
    const out = sigmoid.forward(x).data;
    expect(out[2]).toBe(0.5);
    for (let i = 0; i < 5; i++) expect(out[i] + out[4 - i]).toBeCloseTo(1, 15);
  });

  test("sigmoid'(0) is 1/4, its largest value", () => {
    const x = tensor([0, -1, 1, -4, 4]);
    const slope = sigmoid.backward(x, ones([5])).data;
    expect(slope[0]).toBe(0.25);
    for (const s of slope.slice(1)) expect(s).toBeLessThan(0.25);
  });

  test("backward matches central differences at every element", () => {
    const report = expectActivationGradient(sigmoid, randn([4, 5], rng(3), 2));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("stays finite at ±1000: σ(1000) = 1, σ(−1000) = 0, and the slope there is 0, not NaN", () => {
    const x = tensor([-1000, -745, 745, 1000]);
    const out = sigmoid.forward(x).data;
    for (const value of out) expect(Number.isFinite(value)).toBe(true);
    expect(out[0]).toBe(0);
    expect(out[3]).toBe(1);
    expect(out[1]).toBeGreaterThanOrEqual(0);
    expect(out[1]).toBeLessThan(1e-300); // e^−745 is a denormal: tiny, but still not NaN
    const slope = sigmoid.backward(x, ones([4])).data;
    expect(Array.from(slope, Number.isNaN)).toEqual([false, false, false, false]);
    expect(slope[0]).toBe(0);
    expect(slope[3]).toBe(0);
  });

  test("the gradient check catches a backward that is off by a factor of 2", () => {
    const x = inputsAwayFromZero([3, 4], 5);
    const projection = randn(x.shape, rng(6));
    const loss = (input: Tensor): number => sum(mul(sigmoid.forward(input), projection));
    const doubled = zipMap(sigmoid.backward(x, projection), x, (g) => 2 * g);
    const report = checkGradient(loss, x, doubled);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeCloseTo(0.5, 6); // |2n − n| / |2n|
    expect(() => expectActivationGradient({ ...sigmoid, backward: () => doubled }, x, 6)).toThrow(
      GradientCheckError,
    );
  });

  test("backward rejects a gradOut whose shape differs from x, naming both shapes", () => {
    expect(() => sigmoid.backward(ones([2, 3]), ones([3, 2]))).toThrow(
      /sigmoid\.backward: gradOut is \[3, 2\] but x is \[2, 3\]/,
    );
  });

  test("forward rejects a plain array and says to wrap it in a tensor", () => {
    expect(() => sigmoid.forward([1, 2] as unknown as Tensor)).toThrow(
      /sigmoid\.forward: x must be a Tensor; received an array of length 2/,
    );
  });
});
