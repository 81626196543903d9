import { describe, expect, test } from "vitest";
import { Adam } from "./adam.ts";
import { AdamW } from "./adamw.ts";
import { trajectory } from "./test-support.ts";

// θ₀ = 1, g = 2, −1, 0.5; lr 0.1, λ = 0.1, so each step first multiplies θ by 1 − 0.1·0.1 = 0.99.
// The moments are Adam's (see adam.test.ts): the Adam parts of the three steps are
const adamStep1 = (0.1 * (0.2 / 0.1)) / (Math.sqrt(0.004 / 0.001) + 1e-8);
const adamStep2 = (0.1 * (0.08 / 0.19)) / (Math.sqrt(0.004996 / 0.001999) + 1e-8);
const adamStep3 = (0.1 * (0.122 / 0.271)) / (Math.sqrt(0.005241004 / 0.002997001) + 1e-8);

describe("AdamW", () => {
  test("the first three steps: θ ← 0.99·θ, then Adam's step", () => {
    const theta1 = 0.99 * 1 - adamStep1; //        ≈ 0.89
    const theta2 = 0.99 * theta1 - adamStep2; //   ≈ 0.8544663
    const theta3 = 0.99 * theta2 - adamStep3; //   ≈ 0.8118787
    const [[actual1], [actual2], [actual3]] = trajectory(new AdamW({ lr: 0.1, weightDecay: 0.1 }), [1], [[2], [-1], [0.5]]);
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
    expect(actual3).toBeCloseTo(theta3, 12);
    expect(actual3).toBeCloseTo(0.8118787, 6);
  });

  test("decoupled: AdamW shrinks a weight by lr·λ·θ even where the gradient is large; Adam's L2 term hardly acts", () => {
    const bigGradient = [[100], [100], [100]];
    const decayOf = (withDecay: number[][], without: number[][]) => withDecay[2][0] - without[2][0];
    const adamW = decayOf(
      trajectory(new AdamW({ lr: 0.1, weightDecay: 0.1 }), [1], bigGradient),
      trajectory(new AdamW({ lr: 0.1, weightDecay: 0 }), [1], bigGradient),
    );
    const adamL2 = decayOf(
      trajectory(new Adam({ lr: 0.1, weightDecay: 0.1 }), [1], bigGradient),
      trajectory(new Adam({ lr: 0.1, weightDecay: 0 }), [1], bigGradient),
    );
    // AdamW: three multiplications by 0.99 of a θ near 1, 0.9, 0.8: about −0.01 − 0.009 − 0.008.
    expect(adamW).toBeLessThan(-0.02);
    // Adam: λθ ≈ 0.1 next to g = 100 is divided by √v̂ ≈ 100 with the rest: a change below 1e-5.
    expect(Math.abs(adamL2)).toBeLessThan(1e-5);
  });

  test("with weightDecay 0, AdamW is exactly Adam", () => {
    const gradients = [[2], [-1], [0.5], [3]];
    expect(trajectory(new AdamW({ lr: 0.1, weightDecay: 0 }), [1], gradients)).toEqual(
      trajectory(new Adam({ lr: 0.1 }), [1], gradients),
    );
  });

  test("the defaults are PyTorch's: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 1e-2", () => {
    const adamW = new AdamW();
    expect([adamW.lr, adamW.betas, adamW.eps, adamW.weightDecay]).toEqual([1e-3, [0.9, 0.999], 1e-8, 1e-2]);
  });

  test("rejects betas outside [0, 1), eps ≤ 0 and a negative weight decay", () => {
    expect(() => new AdamW({ betas: [1, 0.999] })).toThrow(/AdamW: betas\[0\] must be in \[0, 1\); received 1/);
    expect(() => new AdamW({ eps: -1e-8 })).toThrow(/AdamW: eps must be a finite number > 0; received -1e-8/);
    expect(() => new AdamW({ weightDecay: -0.01 })).toThrow(/AdamW: weightDecay must be a finite number ≥ 0; received -0\.01/);
  });
});
