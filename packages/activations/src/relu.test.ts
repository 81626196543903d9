import { describe, expect, test } from "vitest";
import { ones, tensor } from "@gradschool/tensor";
import { relu } from "./relu.ts";
import { expectActivationGradient, inputsAwayFromZero } from "./test-support.ts";

describe("relu", () => {
  test("relu keeps positives and zeroes negatives", () => {
    expect(Array.from(relu.forward(tensor([-2, -0.1, 0, 0.1, 3])).data)).toEqual([0, 0, 0, 0.1, 3]);
  });

  test("relu' is 1 for x > 0 and 0 for x < 0, and 0 at the kink x = 0 (PyTorch's choice)", () => {
    expect(Array.from(relu.backward(tensor([-2, 0, 3]), ones([3])).data)).toEqual([0, 0, 1]);
  });

  test("backward passes gradOut through unchanged where the unit is active", () => {
    const gradIn = relu.backward(tensor([1, 2, -1]), tensor([0.3, -7, 5]));
    expect(Array.from(gradIn.data)).toEqual([0.3, -7, 0]);
  });

  test("backward matches central differences at every element (inputs at least 0.1 from the kink)", () => {
    expect(expectActivationGradient(relu, inputsAwayFromZero([4, 5], 12)).maxRelError).toBeLessThan(1e-6);
  });

  test("backward rejects a gradOut of the wrong shape", () => {
    expect(() => relu.backward(ones([2, 2]), ones([4]))).toThrow(/relu\.backward: gradOut is \[4\] but x is \[2, 2\]/);
  });
});
