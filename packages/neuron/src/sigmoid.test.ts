import { expectGradientsClose } from "@gradschool/gradcheck";
import { type Tensor, map, randn, rng } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { sigmoid, sigmoidDerivative } from "./sigmoid.ts";

describe("sigmoid", () => {
  test("σ(0) is 1/2 and σ(−z) is 1 − σ(z)", () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [0.1, 0.5, 2, 7.5, 30]) expect(sigmoid(-z) + sigmoid(z)).toBeCloseTo(1, 15);
  });

  test("σ(z) = 1 / (1 + e⁻ᶻ) for moderate z", () => {
    for (const z of [-6, -1.3, -0.2, 0.4, 2.5, 9]) expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
  });

  test("σ'(0) is 1/4, its largest value", () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    for (const z of [-3, -0.5, 0.5, 3]) expect(sigmoidDerivative(z)).toBeLessThan(0.25);
  });

  test("stays finite at ±1000: σ(1000) = 1, σ(−1000) = 0, and the slope there is 0, not NaN", () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoidDerivative(1000)).toBe(0);
    expect(sigmoidDerivative(-1000)).toBe(0);
  });

  test("σ'(z) = σ(z)(1 − σ(z)) matches central differences at every element", () => {
    const z = randn([3, 4], rng(11), 2);
    const report = expectGradientsClose((input: Tensor) => sumOf(map(input, sigmoid)), z, map(z, sigmoidDerivative));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });
});

function sumOf(t: Tensor): number {
  return t.data.reduce((total, value) => total + value, 0);
}
