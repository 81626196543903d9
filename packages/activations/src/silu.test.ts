import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { silu, swish } from "./silu.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("silu (swish)", () => {
  test("silu(0) is 0 and silu'(0) is 1/2", () => {
    expect(silu.forward(tensor([0])).item()).toBe(0);
    expect(silu.backward(tensor([0]), ones([1])).item()).toBe(0.5);
  });

  test("silu dips to its minimum ≈ −0.2785 at x ≈ −1.2785, where its slope is 0", () => {
    const xMin = -1.2784645427610738; // the root of 1 + x(1 − σ(x)) = 0
    expect(silu.forward(tensor([xMin])).item()).toBeCloseTo(-0.2784645427610738, 12);
    expect(silu.backward(tensor([xMin]), ones([1])).item()).toBeCloseTo(0, 12);
  });

  test("backward matches central differences at every element", () => {
    expect(expectActivationGradient(silu, randn([4, 5], rng(61), 2)).maxRelError).toBeLessThan(1e-6);
  });

  test("swish is the same activation as silu", () => {
    expect(swish).toBe(silu);
  });
});
