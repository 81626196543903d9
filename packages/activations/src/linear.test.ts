import { describe, expect, test } from "vitest";
import { randn, rng, tensor } from "@gradschool/tensor";
import { linear } from "./linear.ts";
import { expectActivationGradient } from "./test-support.ts";

describe("linear", () => {
  test("linear returns a copy of its input, so changing the output leaves x alone", () => {
    const x = tensor([1, -2, 3]);
    const out = linear.forward(x);
    expect(Array.from(out.data)).toEqual([1, -2, 3]);
    out.data[0] = 99;
    expect(x.data[0]).toBe(1);
  });

  test("linear' is 1: backward returns gradOut unchanged", () => {
    expect(Array.from(linear.backward(tensor([5, 6]), tensor([0.5, -4])).data)).toEqual([0.5, -4]);
  });

  test("backward matches central differences at every element", () => {
    expect(expectActivationGradient(linear, randn([3, 4], rng(31))).maxRelError).toBeLessThan(1e-6);
  });
});
