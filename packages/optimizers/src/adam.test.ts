import { randn, rng } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { Adam } from "./adam.ts";
import { param, trajectory } from "./test-support.ts";

// One weight, θ₀ = 1, with fixed gradients g = 2, −1, 0.5; lr 0.1, β = (0.9, 0.999), ε = 1e-8.
// m and v by hand:
//   step 1: m = 0.1·2 = 0.2                       v = 0.001·2² = 0.004
//   step 2: m = 0.9·0.2 + 0.1·(−1) = 0.08         v = 0.999·0.004 + 0.001·1 = 0.004996
//   step 3: m = 0.9·0.08 + 0.1·0.5 = 0.122        v = 0.999·0.004996 + 0.001·0.25 = 0.005241004
// bias corrections 1 − βᵗ:
//   β₁: 0.1, 0.19, 0.271          β₂: 0.001, 0.001999, 0.002997001
const gradients = [[2], [-1], [0.5]];
const adamStep1 = (0.1 * (0.2 / 0.1)) / (Math.sqrt(0.004 / 0.001) + 1e-8); // = 0.1·2/(2 + ε) ≈ 0.1
const adamStep2 = (0.1 * (0.08 / 0.19)) / (Math.sqrt(0.004996 / 0.001999) + 1e-8);
const adamStep3 = (0.1 * (0.122 / 0.271)) / (Math.sqrt(0.005241004 / 0.002997001) + 1e-8);

describe("Adam", () => {
  test("the first three steps match m̂ / (√v̂ + ε) worked out by hand", () => {
    const [[theta1], [theta2], [theta3]] = trajectory(new Adam({ lr: 0.1 }), [1], gradients);
    expect(theta1).toBeCloseTo(1 - adamStep1, 12);
    expect(theta2).toBeCloseTo(1 - adamStep1 - adamStep2, 12);
    expect(theta3).toBeCloseTo(1 - adamStep1 - adamStep2 - adamStep3, 12);
    // The numbers, for the reader: θ ≈ 0.9, 0.8733663, 0.8393234.
    expect(theta2).toBeCloseTo(0.8733663, 6);
    expect(theta3).toBeCloseTo(0.8393234, 6);
  });

  test("Adam's first step moves each weight by lr, whatever the gradient's size", () => {
    const lr = 0.01;
    const w = param(Array.from(randn([200], rng(3)).data));
    const start = [...w.value.data];
    // Gradients from 1e-3 to 1e3 in size, of either sign.
    const random = rng(4);
    w.grad.data.set(start.map(() => (random.uniform() < 0.5 ? -1 : 1) * 10 ** random.uniform(-3, 3)));
    new Adam({ lr }).step([w]);
    w.value.data.forEach((value, i) => {
      const move = value - start[i];
      expect(Math.sign(move)).toBe(-Math.sign(w.grad.data[i]));
      expect(Math.abs(Math.abs(move) - lr)).toBeLessThan(lr * 1e-5); // lr·|g| / (|g| + ε)
    });
  });

  test("Adam is blind to the gradient's scale: gradients ×1000 give the same steps (up to ε)", () => {
    const small = trajectory(new Adam({ lr: 0.1 }), [1], gradients);
    const large = trajectory(new Adam({ lr: 0.1 }), [1], gradients.map(([g]) => [1000 * g]));
    large.forEach(([theta], step) => expect(theta).toBeCloseTo(small[step][0], 7));
  });

  test("weightDecay adds λθ to the gradient before the moments (L2, not AdamW)", () => {
    // λ = 0.5: g₁ = 2 + 0.5·1 = 2.5, so m̂ = 2.5, v̂ = 6.25 and the step is 0.1·2.5/(2.5 + ε).
    // Step 2 with θ₁ = 1 − 0.1·2.5/(2.5 + ε): g₂ = −1 + 0.5·θ₁
    const theta1 = 1 - (0.1 * 2.5) / (2.5 + 1e-8);
    const g2 = -1 + 0.5 * theta1;
    const m2 = 0.9 * (0.1 * 2.5) + 0.1 * g2;
    const v2 = 0.999 * (0.001 * 2.5 ** 2) + 0.001 * g2 ** 2;
    const theta2 = theta1 - (0.1 * (m2 / 0.19)) / (Math.sqrt(v2 / 0.001999) + 1e-8);
    const [[actual1], [actual2]] = trajectory(new Adam({ lr: 0.1, weightDecay: 0.5 }), [1], gradients.slice(0, 2));
    expect(actual1).toBeCloseTo(theta1, 12);
    expect(actual2).toBeCloseTo(theta2, 12);
  });

  test("the defaults are PyTorch's: lr 1e-3, betas [0.9, 0.999], eps 1e-8, no decay", () => {
    const adam = new Adam();
    expect([adam.lr, adam.betas, adam.eps, adam.weightDecay]).toEqual([1e-3, [0.9, 0.999], 1e-8, 0]);
  });

  test("rejects betas outside [0, 1), a betas that is not a pair, and eps ≤ 0", () => {
    expect(() => new Adam({ betas: [0.9, 1] })).toThrow(/Adam: betas\[1\] must be in \[0, 1\); received 1/);
    expect(() => new Adam({ betas: [-0.1, 0.999] })).toThrow(/Adam: betas\[0\] must be in \[0, 1\); received -0\.1/);
    expect(() => new Adam({ betas: [0.9] as unknown as [number, number] })).toThrow(/Adam: betas must be a pair \[β₁, β₂\]; received \[0\.9\]/);
    expect(() => new Adam({ eps: 0 })).toThrow(/Adam: eps must be a finite number > 0; received 0/);
    expect(() => new Adam({ weightDecay: -0.1 })).toThrow(/Adam: weightDecay must be a finite number ≥ 0; received -0\.1/);
  });
});
