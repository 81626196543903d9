import { checkGradient, expectGradientsClose } from "@gradschool/gradcheck";
import { type Tensor, randn, rng, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import { meanSquaredError } from "./mean-squared-error.ts";
import { sigmoid } from "./sigmoid.ts";

const z = randn([6], rng(21), 1.5);
const y = [0, 1, 1, 0, 1, 0];

describe("meanSquaredError", () => {
  test("is mean((σ(z) − y)²)", () => {
    let expected = 0;
    for (let i = 0; i < 6; i++) expected += (sigmoid(z.data[i]) - y[i]) ** 2;
    expect(meanSquaredError.forward(z, y)).toBeCloseTo(expected / 6, 15);
  });

  test("backward (2/N)(a − y)σ'(z) matches central differences at every element", () => {
    const report = expectGradientsClose((input: Tensor) => meanSquaredError.forward(input, y), z, meanSquaredError.backward(z, y));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("the gradient check catches a backward that borrows cross-entropy's (a − y)/N, without σ'", () => {
    const borrowed = binaryCrossEntropy.backward(z, y);
    const report = checkGradient((input: Tensor) => meanSquaredError.forward(input, y), z, borrowed);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeGreaterThan(0.5);
  });

  test("its gradient all but vanishes when the neuron is confidently wrong; cross-entropy's does not", () => {
    const wrong = tensor([-10]); // a ≈ 0.00005 for a target of 1
    expect(Math.abs(meanSquaredError.backward(wrong, [1]).data[0])).toBeLessThan(1e-4);
    expect(binaryCrossEntropy.backward(wrong, [1]).data[0]).toBeCloseTo(-1, 4);
  });

  test("rejects targets whose count differs from the batch", () => {
    expect(() => meanSquaredError.forward(tensor([0, 1, 2]), [0, 1])).toThrow(
      /meanSquaredError\.forward: y has 2 targets but the batch has 3 examples/,
    );
  });
});
