import { describe, expect, test } from "vitest";
import { randn, rng, sameShape } from "@gradschool/tensor";
import { activations, getActivation } from "./registry.ts";
import { relu } from "./relu.ts";
import { softmax } from "./softmax.ts";
import { expectActivationGradient, inputsAwayFromZero } from "./test-support.ts";

describe("the activations registry", () => {
  test("lists all eleven activations, each under its own name", () => {
    const names = activations.map((activation) => activation.name);
    expect(names).toEqual([
      "linear", "sigmoid", "tanh", "relu", "leakyRelu(0.01)", "elu(1)",
      "softplus", "gelu", "silu", "exponential", "softmax",
    ]);
  });

  test("every activation keeps the shape, and backward returns a gradient shaped like x", () => {
    const x = randn([3, 4], rng(81));
    for (const activation of activations) {
      expect(sameShape(activation.forward(x).shape, x.shape)).toBe(true);
      expect(sameShape(activation.backward(x, x).shape, x.shape)).toBe(true);
    }
  });

  test("every activation in the list passes an every-element gradient check", () => {
    const x = inputsAwayFromZero([3, 4], 82, 1.5);
    for (const activation of activations) {
      expect(expectActivationGradient(activation, x, 83).maxRelError, activation.name).toBeLessThan(1e-6);
    }
  });

  test("getActivation finds an activation by name", () => {
    expect(getActivation("relu")).toBe(relu);
    expect(getActivation("softmax")).toBe(softmax);
  });

  test("getActivation rejects an unknown name and lists the known ones", () => {
    expect(() => getActivation("Relu")).toThrow(/getActivation: no activation named "Relu"; expected one of "linear", .*"relu"/);
  });

  test("the list cannot be changed by accident", () => {
    expect(Object.isFrozen(activations)).toBe(true);
  });
});
