import { describe, expect, test } from "vitest";
import { ones, tensor } from "@gradschool/tensor";
import { leakyRelu } from "./leaky-relu.ts";
import { expectActivationGradient, inputsAwayFromZero } from "./test-support.ts";

describe("leakyRelu", () => {
  test("the default slope below zero is 0.01, as in PyTorch, and the name says so", () => {
    const activation = leakyRelu();
    expect(activation.name).toBe("leakyRelu(0.01)");
    expect(Array.from(activation.forward(tensor([-100, 0, 2])).data)).toEqual([-1, 0, 2]);
  });

  test("leakyRelu(α)' is 1 for x > 0 and α for x < 0, so a negative unit still gets a gradient", () => {
    expect(Array.from(leakyRelu(0.2).backward(tensor([-3, 3]), ones([2])).data)).toEqual([0.2, 1]);
  });

  test("backward matches central differences at every element, for α = 0.01 and α = 0.3", () => {
    const x = inputsAwayFromZero([4, 5], 13);
    expect(expectActivationGradient(leakyRelu(), x).maxRelError).toBeLessThan(1e-6);
    expect(expectActivationGradient(leakyRelu(0.3), x).maxRelError).toBeLessThan(1e-6);
  });

  test("rejects an α that is not a finite number", () => {
    expect(() => leakyRelu(Number.NaN)).toThrow(/leakyRelu: alpha must be a finite number; received NaN/);
    expect(() => leakyRelu("0.1" as unknown as number)).toThrow(/leakyRelu: alpha must be a finite number/);
  });

  test("backward names the activation and its α when gradOut has the wrong shape", () => {
    expect(() => leakyRelu(0.2).backward(ones([3]), ones([2]))).toThrow(
      /leakyRelu\(0\.2\)\.backward: gradOut is \[2\] but x is \[3\]/,
    );
  });
});
