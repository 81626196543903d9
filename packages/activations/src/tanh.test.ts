import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { tanh } from "./tanh.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("tanh", () => {
  test("tanh is odd and bounded by ±1", () => {
    const out = tanh.forward(tensor([-2, -0.5, 0, 0.5, 2])).data;
    expect(out[2]).toBe(0);
    expect(out[0]).toBeCloseTo(-out[4], 15);
    expect(out[1]).toBeCloseTo(-out[3], 15);
    for (const value of out) expect(Math.abs(value)).toBeLessThan(1);
  });

  test("tanh'(0) is 1, four times sigmoid'(0)", () => {
    expect(tanh.backward(tensor([0]), ones([1])).item()).toBe(1);
  });

  test("backward matches central differences at every element", () => {
    expect(expectActivationGradient(tanh, randn([4, 5], rng(11), 1.5)).maxRelError).toBeLessThan(1e-6);
  });

  test("saturates to ±1 at ±1000 with a slope of exactly 0", () => {
    const x = tensor([-1000, 1000]);
    expect(Array.from(tanh.forward(x).data)).toEqual([-1, 1]);
    expect(Array.from(tanh.backward(x, ones([2])).data)).toEqual([0, 0]);
  });

  test("backward rejects a gradOut of the wrong shape", () => {
    expect(() => tanh.backward(ones([4]), ones([5]))).toThrow(/tanh\.backward: gradOut is \[5\] but x is \[4\]/);
  });
});
