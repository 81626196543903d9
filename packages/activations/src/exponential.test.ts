import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { exponential } from "./exponential.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("exponential", () => {
  test("e⁰ is 1 and the slope of eˣ is eˣ itself", () => {
    const x = tensor([0, -1, 2]);
    expect(exponential.forward(x).data[0]).toBe(1);
    expect(Array.from(exponential.backward(x, ones([3])).data)).toEqual(Array.from(exponential.forward(x).data));
  });

  test("backward matches central differences at every element", () => {
    expect(expectActivationGradient(exponential, randn([4, 5], rng(41), 1.5)).maxRelError).toBeLessThan(1e-6);
  });
});
