import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { gelu } from "./gelu.ts";
import { expectActivationGradient } from "./test-support.ts";

/**
 * The exact GELU, x·Φ(x), for comparison only: Φ(x) = ½ + ∫₀ˣ φ(t) dt by Simpson's rule
 * on 2000 panels, accurate to ~1e-14 for |x| ≤ 8 — slow but plainly correct.
 */
function exactGelu(x: number): number {
  const panels = 2000;
  const width = x / panels;
  const density = (t: number): number => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
  let integral = density(0) + density(x);
  for (let k = 1; k < panels; k++) integral += (k % 2 === 1 ? 4 : 2) * density(k * width);
  return x * (0.5 + (integral * width) / 3);
}

describe("gelu (tanh approximation)", () => {
  test("gelu(0) is 0 and gelu'(0) is 1/2", () => {
    expect(gelu.forward(tensor([0])).item()).toBe(0);
    expect(gelu.backward(tensor([0]), ones([1])).item()).toBe(0.5);
  });

  test("the tanh form stays within 5e-4 of the exact x·Φ(x) on [−8, 8]", () => {
    let worst = 0;
    for (let x = -8; x <= 8; x += 0.01) {
      worst = Math.max(worst, Math.abs(gelu.forward(tensor([x])).item() - exactGelu(x)));
    }
    expect(worst).toBeLessThan(5e-4);
    expect(worst).toBeGreaterThan(1e-5); // an approximation, not the exact function
  });

  test("the reference x·Φ(x) is right where Φ is known: Φ(1) = 0.8413447460685429", () => {
    expect(exactGelu(1)).toBeCloseTo(0.8413447460685429, 13);
  });

  test("backward matches central differences at every element", () => {
    // std 1.5, not 2: below x ≈ −4 gelu' is ~1e-6, and the loss's rounding noise (~1e-11
    // after dividing by 2·eps) is then already 1e-5 of it — a limit of the check, not of gelu.
    expect(expectActivationGradient(gelu, randn([4, 5], rng(51), 1.5)).maxRelError).toBeLessThan(1e-6);
  });

  test("tends to x for large x and to 0 for very negative x, without NaN", () => {
    expect(Array.from(gelu.forward(tensor([-1000, 1000])).data)).toEqual([-0, 1000]);
    expect(Array.from(gelu.backward(tensor([-1000, 1000]), ones([2])).data)).toEqual([0, 1]);
  });
});
