import { describe, expect, test } from "vitest";
import { ones, tensor } from "@gradschool/tensor";
import { elu } from "./elu.ts";
import { expectActivationGradient, inputsAwayFromZero } from "./test-support.ts";

describe("elu", () => {
  test("elu is the identity above zero and levels off at −α far below it", () => {
    const out = elu(1.5).forward(tensor([-1000, -1, 2])).data;
    expect(out[0]).toBe(-1.5);
    expect(out[1]).toBeCloseTo(1.5 * (Math.exp(-1) - 1), 15);
    expect(out[2]).toBe(2);
  });

  test("elu(1) is continuous with slope 1 on both sides of zero", () => {
    const activation = elu();
    expect(activation.name).toBe("elu(1)");
    const near = activation.forward(tensor([-1e-9, 1e-9])).data;
    expect(near[0]).toBeCloseTo(-1e-9, 17); // e^−1e-9 − 1 = −1e-9 + 5e-19: expm1 keeps that precision
    const slopes = activation.backward(tensor([-1e-9, 1e-9]), ones([2])).data;
    expect(slopes[0]).toBeCloseTo(1, 8);
    expect(slopes[1]).toBe(1);
  });

  test("backward matches central differences at every element, for α = 1 and α = 0.5", () => {
    const x = inputsAwayFromZero([4, 5], 14);
    expect(expectActivationGradient(elu(), x).maxRelError).toBeLessThan(1e-6);
    expect(expectActivationGradient(elu(0.5), x).maxRelError).toBeLessThan(1e-6);
  });

  test("rejects an infinite α", () => {
    expect(() => elu(Infinity)).toThrow(/elu: alpha must be a finite number; received Infinity/);
  });
});
