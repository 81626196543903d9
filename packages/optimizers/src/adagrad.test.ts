import { randn, rng } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { Adagrad } from "./adagrad.ts";
import { param, trajectory } from "./test-support.ts";

// One weight, θ₀ = 1, fixed gradients g = 2, −1, 0.5.
const gradients = [[2], [-1], [0.5]];

describe("Adagrad", () => {
  test("the first three steps divide by the root of the running sum of g²", () => {
    // lr 0.1, ε = 1e-10: s = 4, 5, 5.25
    const theta1 = 1 - (0.1 * 2) / (Math.sqrt(4) + 1e-10); //          ≈ 0.9
    const theta2 = theta1 - (0.1 * -1) / (Math.sqrt(5) + 1e-10); //    ≈ 0.9447214
    const theta3 = theta2 - (0.1 * 0.5) / (Math.sqrt(5.25) + 1e-10); // ≈ 0.9228996
    const [[actual1], [actual2], [actual3]] = trajectory(new Adagrad({ lr: 0.1 }), [1], gradients);
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
    expect(actual3).toBeCloseTo(theta3, 12);
    expect(actual3).toBeCloseTo(0.9228996, 6);
  });

  test("lrDecay shrinks the rate to lr / (1 + (t − 1)·η); the sum starts at initialAccumulatorValue", () => {
    // lr 0.1, η = 0.5, s₀ = 1: rates 0.1, 0.1/1.5, 0.1/2 = 0.05; s = 5, 6, 6.25 (√6.25 = 2.5)
    const theta1 = 1 - (0.1 * 2) / (Math.sqrt(5) + 1e-10);
    const theta2 = theta1 - ((0.1 / 1.5) * -1) / (Math.sqrt(6) + 1e-10);
    const theta3 = theta2 - (0.05 * 0.5) / (2.5 + 1e-10); // a step of exactly 0.01 (up to ε)
    const optimizer = new Adagrad({ lr: 0.1, lrDecay: 0.5, initialAccumulatorValue: 1 });
    const [[actual1], [actual2], [actual3]] = trajectory(optimizer, [1], gradients);
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
    expect(actual3).toBeCloseTo(theta3, 12);
  });

  test("weightDecay adds λθ to the gradient before it is squared", () => {
    // λ = 0.5: g₁ = 2 + 0.5·1 = 2.5, s = 6.25, step 0.1·2.5/2.5 = 0.1
    // g₂ = −1 + 0.5·0.9 = −0.55, s = 6.25 + 0.3025 = 6.5525
    const theta1 = 1 - (0.1 * 2.5) / (2.5 + 1e-10);
    const theta2 = theta1 - (0.1 * -0.55) / (Math.sqrt(6.5525) + 1e-10);
    const [[actual1], [actual2]] = trajectory(new Adagrad({ lr: 0.1, weightDecay: 0.5 }), [1], gradients.slice(0, 2));
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
  });

  test("AdaGrad's first step moves each weight by lr; a constant gradient's steps then shrink as 1/√t", () => {
    const w = param(Array.from(randn([50], rng(5)).data));
    const start = [...w.value.data];
    w.grad.data.set(Array.from(randn([50], rng(6), 10).data));
    new Adagrad({ lr: 0.01 }).step([w]);
    w.value.data.forEach((value, i) => expect(Math.abs(value - start[i])).toBeCloseTo(0.01, 10));

    const thetas = trajectory(new Adagrad({ lr: 1 }), [0], Array.from({ length: 100 }, () => [3]));
    const stepAt = (t: number) => thetas[t - 2][0] - thetas[t - 1][0]; // the t-th step, t ≥ 2
    expect(stepAt(100)).toBeCloseTo(1 / Math.sqrt(100), 9); // g / √(t·g²) = 1/√t
    expect(stepAt(25)).toBeCloseTo(1 / 5, 9);
  });

  test("the defaults are PyTorch's: lr 1e-2, no decay, sums start at 0, eps 1e-10", () => {
    const adagrad = new Adagrad();
    expect([adagrad.lr, adagrad.lrDecay, adagrad.weightDecay, adagrad.initialAccumulatorValue, adagrad.eps]).toEqual([
      1e-2, 0, 0, 0, 1e-10,
    ]);
  });

  test("rejects a negative lrDecay or initialAccumulatorValue, and eps ≤ 0", () => {
    expect(() => new Adagrad({ lrDecay: -1 })).toThrow(/Adagrad: lrDecay must be a finite number ≥ 0; received -1/);
    expect(() => new Adagrad({ initialAccumulatorValue: -0.1 })).toThrow(/Adagrad: initialAccumulatorValue .* received -0\.1/);
    expect(() => new Adagrad({ eps: 0 })).toThrow(/Adagrad: eps must be a finite number > 0; received 0/);
  });
});
