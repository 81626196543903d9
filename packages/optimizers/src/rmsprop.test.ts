import { describe, expect, test } from "vitest";
import { Adagrad } from "./adagrad.ts";
import { RMSprop } from "./rmsprop.ts";
import { trajectory } from "./test-support.ts";

// One weight, θ₀ = 1, fixed gradients g = 2, −1, 0.5; lr 0.01, α = 0.99, ε = 1e-8.
// The running mean square by hand:
//   v₁ = 0.01·4 = 0.04
//   v₂ = 0.99·0.04 + 0.01·1 = 0.0496
//   v₃ = 0.99·0.0496 + 0.01·0.25 = 0.051604
const gradients = [[2], [-1], [0.5]];

describe("RMSprop", () => {
  test("the first three steps divide by the root of the running mean of g²", () => {
    const theta1 = 1 - (0.01 * 2) / (Math.sqrt(0.04) + 1e-8); //          = 1 − 0.02/0.2 ≈ 0.9
    const theta2 = theta1 - (0.01 * -1) / (Math.sqrt(0.0496) + 1e-8); //  ≈ 0.9449013
    const theta3 = theta2 - (0.01 * 0.5) / (Math.sqrt(0.051604) + 1e-8); // ≈ 0.9228908
    const [[actual1], [actual2], [actual3]] = trajectory(new RMSprop({ lr: 0.01 }), [1], gradients);
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
    expect(actual3).toBeCloseTo(theta3, 12);
    expect(actual3).toBeCloseTo(0.9228908, 6);
  });

  test("RMSprop's first step is lr/√(1 − α): 10·lr at α = 0.99, because v starts at 0 and is not bias-corrected", () => {
    const [[theta1]] = trajectory(new RMSprop({ lr: 0.01 }), [0], [[-7]]);
    expect(theta1).toBeCloseTo(0.01 / Math.sqrt(1 - 0.99), 7);
  });

  test("centered divides by the variance v − ḡ², with ḡ the running mean of g", () => {
    // ḡ₁ = 0.01·2 = 0.02                        ṽ₁ = 0.04 − 0.02² = 0.0396
    // ḡ₂ = 0.99·0.02 + 0.01·(−1) = 0.0098       ṽ₂ = 0.0496 − 0.0098² = 0.04950396
    // ḡ₃ = 0.99·0.0098 + 0.01·0.5 = 0.014702    ṽ₃ = 0.051604 − 0.014702² = 0.051387851196
    const theta1 = 1 - (0.01 * 2) / (Math.sqrt(0.0396) + 1e-8);
    const theta2 = theta1 - (0.01 * -1) / (Math.sqrt(0.04950396) + 1e-8);
    const theta3 = theta2 - (0.01 * 0.5) / (Math.sqrt(0.051387851196) + 1e-8);
    const [[actual1], [actual2], [actual3]] = trajectory(new RMSprop({ lr: 0.01, centered: true }), [1], gradients);
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
    expect(actual3).toBeCloseTo(theta3, 12);
  });

  test("momentum accumulates the scaled steps: b ← μ·b + g/(√v + ε), θ ← θ − lr·b", () => {
    // μ = 0.9
    const b1 = 2 / (Math.sqrt(0.04) + 1e-8); //                 ≈ 10
    const b2 = 0.9 * b1 + -1 / (Math.sqrt(0.0496) + 1e-8); //   ≈ 9 − 4.4901
    const b3 = 0.9 * b2 + 0.5 / (Math.sqrt(0.051604) + 1e-8);
    const [[actual1], [actual2], [actual3]] = trajectory(new RMSprop({ lr: 0.01, momentum: 0.9 }), [1], gradients);
    expect(actual1).toBeCloseTo(1 - 0.01 * b1, 12);
    expect(actual2).toBeCloseTo(1 - 0.01 * b1 - 0.01 * b2, 12);
    expect(actual3).toBeCloseTo(1 - 0.01 * (b1 + b2 + b3), 12);
  });

  test("weightDecay adds λθ to the gradient", () => {
    // λ = 0.5: g₁ = 2 + 0.5·1 = 2.5, v₁ = 0.01·6.25 = 0.0625, step 0.01·2.5/0.25 = 0.1
    const [[theta1]] = trajectory(new RMSprop({ lr: 0.01, weightDecay: 0.5 }), [1], [[2]]);
    expect(theta1).toBeCloseTo(1 - (0.01 * 2.5) / (Math.sqrt(0.0625) + 1e-8), 12);
  });

  test("unlike AdaGrad, RMSprop forgets: after a burst of large gradients, small ones get full-size steps again", () => {
    const burst = [...Array.from({ length: 10 }, () => [100]), ...Array.from({ length: 1000 }, () => [1])];
    const lastStep = (thetas: number[][]) => thetas[burst.length - 2][0] - thetas[burst.length - 1][0];
    // v keeps 0.99¹⁰⁰⁰ ≈ 4e-5 of the burst: v ≈ 1.04, so the step is lr/√1.04 ≈ 0.98·lr.
    expect(lastStep(trajectory(new RMSprop({ lr: 0.01 }), [0], burst))).toBeCloseTo(0.0098, 4);
    // AdaGrad's sum still holds every 100²: s = 10·10⁴ + 1000, so the step is lr/√101000 ≈ lr/318.
    expect(lastStep(trajectory(new Adagrad({ lr: 0.01 }), [0], burst))).toBeCloseTo(0.01 / Math.sqrt(101000), 9);
  });

  test("the defaults are PyTorch's: lr 1e-2, alpha 0.99, eps 1e-8, no decay, no momentum, not centered", () => {
    const rmsprop = new RMSprop();
    expect([rmsprop.lr, rmsprop.alpha, rmsprop.eps, rmsprop.weightDecay, rmsprop.momentum, rmsprop.centered]).toEqual([
      1e-2, 0.99, 1e-8, 0, 0, false,
    ]);
  });

  test("rejects alpha outside [0, 1), eps ≤ 0 and a negative momentum", () => {
    expect(() => new RMSprop({ alpha: 1 })).toThrow(/RMSprop: alpha must be in \[0, 1\); received 1/);
    expect(() => new RMSprop({ eps: 0 })).toThrow(/RMSprop: eps must be a finite number > 0; received 0/);
    expect(() => new RMSprop({ momentum: -0.5 })).toThrow(/RMSprop: momentum must be a finite number ≥ 0; received -0\.5/);
  });
});
