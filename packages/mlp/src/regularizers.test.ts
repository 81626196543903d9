import { describe, expect, test } from "vitest";
import { type Tensor, full, map, randn, rng, tensor, zeros } from "@gradschool/tensor";
import { expectGradientsClose } from "@gradschool/gradcheck";
import { type Regularizer, l1, l1l2, l2 } from "./regularizers.ts";

const weights = tensor([[1, -2], [0.5, -0.25]]);

/** The gradient a regularizer adds to an all-zero grad. */
function gradientOf(regularizer: Regularizer, w: Tensor): Tensor {
  const grad = zeros(w.shape);
  regularizer.addGradient(w, grad);
  return grad;
}

describe("regularizers", () => {
  test("l2(λ) is λ·Σw² and adds 2λ·w to the gradient (Keras's convention)", () => {
    expect(l2(0.1).penalty(weights)).toBeCloseTo(0.1 * (1 + 4 + 0.25 + 0.0625), 12);
    expect([...gradientOf(l2(0.1), weights).data]).toEqual([0.2, -0.4, 0.1, -0.05].map((v) => expect.closeTo(v, 12)));
  });

  test("l1(λ) is λ·Σ|w| and adds λ·sign(w) to the gradient, 0 where w is 0", () => {
    const w = tensor([1, -2, 0, 0.5]);
    expect(l1(0.1).penalty(w)).toBeCloseTo(0.1 * 3.5, 12);
    expect([...gradientOf(l1(0.1), w).data]).toEqual([0.1, -0.1, 0, 0.1]);
  });

  test("l1l2(a, b) is l1(a) + l2(b), penalty and gradient", () => {
    const both = l1l2(0.01, 0.1);
    expect(both.penalty(weights)).toBeCloseTo(l1(0.01).penalty(weights) + l2(0.1).penalty(weights), 12);
    const expected = [...gradientOf(l1(0.01), weights).data].map((v, i) => v + gradientOf(l2(0.1), weights).data[i]);
    expect([...gradientOf(both, weights).data]).toEqual(expected.map((v) => expect.closeTo(v, 12)));
  });

  test("names say which penalty and how strong", () => {
    expect([l1(0.01).name, l2(0.001).name, l1l2(0.01, 0.001).name]).toEqual(["l1(0.01)", "l2(0.001)", "l1l2(0.01, 0.001)"]);
  });

  test("addGradient matches central differences of penalty for l1, l2 and l1l2 (away from 0 for l1)", () => {
    // Shift every weight away from 0, where |w| has its kink and the numeric slope is meaningless.
    const w = map(randn([6, 5], rng(3)), (v) => v + 0.1 * Math.sign(v));
    for (const regularizer of [l1(0.03), l2(0.2), l1l2(0.03, 0.2)]) {
      expectGradientsClose((x) => regularizer.penalty(x), w, gradientOf(regularizer, w));
    }
  });

  test("addGradient adds to what grad already holds (the data gradient from backward)", () => {
    const grad = full(weights.shape, 1);
    l2(0.5).addGradient(weights, grad);
    expect([...grad.data]).toEqual([2, -1, 1.5, 0.75]);
  });

  test("λ = 0 gives no penalty and no gradient", () => {
    expect(l1l2(0, 0).penalty(weights)).toBe(0);
    expect([...gradientOf(l1l2(0, 0), weights).data]).toEqual([0, 0, 0, 0]);
  });

  test("a negative or non-finite λ is rejected, naming the regularizer", () => {
    expect(() => l2(-0.1)).toThrow(/l2: lambda must be a finite number ≥ 0.*received -0\.1/);
    expect(() => l1(Number.NaN)).toThrow(/l1: lambda .*received NaN/);
    expect(() => l1l2(0.01, Infinity)).toThrow(/l1l2: l2 .*received Infinity/);
  });

  test("a grad of another shape is rejected, naming both shapes", () => {
    expect(() => l2(0.1).addGradient(weights, zeros([2, 3]))).toThrow(/l2\(0\.1\)\.addGradient: grad is \[2, 3\] but weights are \[2, 2\]/);
    expect(() => l1l2(0.1, 0.1).addGradient(weights, zeros([4]))).toThrow(/l1l2\(0\.1, 0\.1\)\.addGradient: grad is \[4\]/);
  });
});
