import { describe, expect, test } from "vitest";
import { SGD } from "./sgd.ts";
import { trajectory } from "./test-support.ts";

// Every test starts from θ₀ = [1, 2] and feeds the same three fixed gradients, so each
// expected trajectory below is the update rule worked out by hand:
//   g₁ = [1, −2],  g₂ = [0.5, 0.5],  g₃ = [−1, 1]
const start = [1, 2];
const gradients = [
  [1, -2],
  [0.5, 0.5],
  [-1, 1],
];

function expectSteps(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((theta, step) => theta.forEach((value, i) => expect(value, `step ${step + 1}, θ[${i}]`).toBeCloseTo(expected[step][i], 12)));
}

describe("SGD", () => {
  test("plain SGD steps by −lr·g", () => {
    // θ₁ = [1, 2] − 0.1·[1, −2]          = [0.9, 2.2]
    // θ₂ = [0.9, 2.2] − 0.1·[0.5, 0.5]   = [0.85, 2.15]
    // θ₃ = [0.85, 2.15] − 0.1·[−1, 1]    = [0.95, 2.05]
    expectSteps(trajectory(new SGD({ lr: 0.1 }), start, gradients), [
      [0.9, 2.2],
      [0.85, 2.15],
      [0.95, 2.05],
    ]);
  });

  test("momentum: the buffer starts as g₁, then b ← μ·b + g", () => {
    // μ = 0.9, lr = 0.1
    // b₁ = g₁ = [1, −2]                              θ₁ = [1, 2] − 0.1·[1, −2]        = [0.9, 2.2]
    // b₂ = 0.9·[1, −2] + [0.5, 0.5] = [1.4, −1.3]    θ₂ = [0.9, 2.2] − 0.1·[1.4, −1.3] = [0.76, 2.33]
    // b₃ = 0.9·[1.4, −1.3] + [−1, 1] = [0.26, −0.17] θ₃ = [0.76, 2.33] − 0.1·[0.26, −0.17] = [0.734, 2.347]
    expectSteps(trajectory(new SGD({ lr: 0.1, momentum: 0.9 }), start, gradients), [
      [0.9, 2.2],
      [0.76, 2.33],
      [0.734, 2.347],
    ]);
  });

  test("Nesterov steps by g + μ·b with the same buffer", () => {
    // b as in the momentum test; the step is g + 0.9·b
    // step 1: [1, −2] + 0.9·[1, −2]        = [1.9, −3.8]    θ₁ = [1, 2] − 0.1·[1.9, −3.8]      = [0.81, 2.38]
    // step 2: [0.5, 0.5] + 0.9·[1.4, −1.3] = [1.76, −0.67]  θ₂ = [0.81, 2.38] − 0.1·[1.76, −0.67] = [0.634, 2.447]
    // step 3: [−1, 1] + 0.9·[0.26, −0.17]  = [−0.766, 0.847] θ₃ = [0.634, 2.447] − 0.1·[−0.766, 0.847] = [0.7106, 2.3623]
    expectSteps(trajectory(new SGD({ lr: 0.1, momentum: 0.9, nesterov: true }), start, gradients), [
      [0.81, 2.38],
      [0.634, 2.447],
      [0.7106, 2.3623],
    ]);
  });

  test("dampening scales the new gradient by 1 − τ, but not on the first step", () => {
    // μ = 0.9, τ = 0.5, lr = 0.1
    // b₁ = g₁ = [1, −2]                                   θ₁ = [0.9, 2.2]
    // b₂ = 0.9·[1, −2] + 0.5·[0.5, 0.5] = [1.15, −1.55]   θ₂ = [0.9, 2.2] − 0.1·[1.15, −1.55]  = [0.785, 2.355]
    // b₃ = 0.9·[1.15, −1.55] + 0.5·[−1, 1] = [0.535, −0.895] θ₃ = [0.785, 2.355] − 0.1·[0.535, −0.895] = [0.7315, 2.4445]
    expectSteps(trajectory(new SGD({ lr: 0.1, momentum: 0.9, dampening: 0.5 }), start, gradients), [
      [0.9, 2.2],
      [0.785, 2.355],
      [0.7315, 2.4445],
    ]);
  });

  test("weight decay adds λθ to the gradient, with θ as it is before the step", () => {
    // λ = 0.5, lr = 0.1, no momentum
    // g = [1, −2] + 0.5·[1, 2] = [1.5, −1]            θ₁ = [1, 2] − 0.1·[1.5, −1]      = [0.85, 2.1]
    // g = [0.5, 0.5] + 0.5·[0.85, 2.1] = [0.925, 1.55] θ₂ = [0.85, 2.1] − 0.1·[0.925, 1.55] = [0.7575, 1.945]
    // g = [−1, 1] + 0.5·[0.7575, 1.945] = [−0.62125, 1.9725] θ₃ = [0.7575, 1.945] − 0.1·[−0.62125, 1.9725] = [0.819625, 1.74775]
    expectSteps(trajectory(new SGD({ lr: 0.1, weightDecay: 0.5 }), start, gradients), [
      [0.85, 2.1],
      [0.7575, 1.945],
      [0.819625, 1.74775],
    ]);
  });

  test("weight decay goes into the momentum buffer too", () => {
    // λ = 0.5, μ = 0.9, lr = 0.1
    // step 1: g = [1.5, −1] (as above), b₁ = g                          θ₁ = [0.85, 2.1]
    // step 2: g = [0.925, 1.55], b₂ = 0.9·[1.5, −1] + g = [2.275, 0.65]   θ₂ = [0.85, 2.1] − 0.1·[2.275, 0.65] = [0.6225, 2.035]
    // step 3: g = [−1, 1] + 0.5·[0.6225, 2.035] = [−0.68875, 2.0175]
    //         b₃ = 0.9·[2.275, 0.65] + g = [1.35875, 2.6025]               θ₃ = [0.6225, 2.035] − 0.1·[1.35875, 2.6025] = [0.486625, 1.77475]
    expectSteps(trajectory(new SGD({ lr: 0.1, momentum: 0.9, weightDecay: 0.5 }), start, gradients), [
      [0.85, 2.1],
      [0.6225, 2.035],
      [0.486625, 1.77475],
    ]);
  });

  test("the defaults are PyTorch's: lr 1e-3, no momentum, no decay", () => {
    const sgd = new SGD();
    expect([sgd.lr, sgd.momentum, sgd.dampening, sgd.nesterov, sgd.weightDecay]).toEqual([1e-3, 0, 0, false, 0]);
    expect(sgd.name).toBe("SGD");
  });

  test("with a constant gradient, momentum's velocity approaches 1/(1 − μ) = 10 gradients", () => {
    const steps = trajectory(new SGD({ lr: 1, momentum: 0.9 }), [0], Array.from({ length: 200 }, () => [1]));
    const lastStepSize = steps[198][0] - steps[199][0];
    expect(lastStepSize).toBeCloseTo(10, 6);
  });

  test("rejects a negative momentum, a dampening outside [0, 1] and a negative weight decay", () => {
    expect(() => new SGD({ momentum: -0.1 })).toThrow(/SGD: momentum must be a finite number ≥ 0; received -0\.1/);
    expect(() => new SGD({ momentum: 0.9, dampening: 1.5 })).toThrow(/SGD: dampening must be in \[0, 1\]; received 1\.5/);
    expect(() => new SGD({ weightDecay: -1 })).toThrow(/SGD: weightDecay must be a finite number ≥ 0; received -1/);
  });

  test("rejects Nesterov without momentum or with dampening", () => {
    expect(() => new SGD({ nesterov: true })).toThrow(/SGD: nesterov needs momentum > 0 and dampening 0; received momentum 0, dampening 0/);
    expect(() => new SGD({ nesterov: true, momentum: 0.9, dampening: 0.1 })).toThrow(/dampening 0\.1/);
  });
});
