import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { sigmoid } from "./sigmoid.ts";
import { softplus } from "./softplus.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("softplus", () => {
  test("softplus(0) is ln 2 and softplus(x) − softplus(−x) is x", () => {
    const out = softplus.forward(tensor([0, -3, 3])).data;
    expect(out[0]).toBe(Math.LN2);
    expect(out[2] - out[1]).toBeCloseTo(3, 14);
  });

  test("softplus' is the sigmoid", () => {
    const x = randn([10], rng(21), 3);
    expect(Array.from(softplus.backward(x, ones([10])).data)).toEqual(Array.from(sigmoid.forward(x).data));
  });

  test("backward matches central differences at every element", () => {
    expect(expectActivationGradient(softplus, randn([4, 5], rng(22), 2)).maxRelError).toBeLessThan(1e-6);
  });

  test("stays finite at ±1000: softplus(1000) is exactly 1000 and softplus(−1000) is 0", () => {
    const x = tensor([-1000, 1000]);
    expect(Array.from(softplus.forward(x).data)).toEqual([0, 1000]);
    expect(Array.from(softplus.backward(x, ones([2])).data)).toEqual([0, 1]);
    // the naive formula overflows where the stable one does not
    expect(Math.log(1 + Math.exp(1000))).toBe(Infinity);
  });
});
