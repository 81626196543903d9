import { checkGradient, expectGradientsClose } from "@gradschool/gradcheck";
import { type Tensor, randn, rng, scale, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import { sigmoid } from "./sigmoid.ts";

const z = randn([6], rng(21), 1.5);
const y = [0, 1, 1, 0, 1, 0];

describe("binaryCrossEntropy", () => {
  test("is −mean(y ln a + (1 − y) ln(1 − a)) with a = σ(z)", () => {
    let expected = 0;
    for (let i = 0; i < 6; i++) {
      const a = sigmoid(z.data[i]);
      expected -= y[i] * Math.log(a) + (1 - y[i]) * Math.log(1 - a);
    }
    expect(binaryCrossEntropy.forward(z, y)).toBeCloseTo(expected / 6, 14);
  });

  test("is ln 2 when the neuron says 1/2 to everything", () => {
    expect(binaryCrossEntropy.forward(tensor([0, 0, 0, 0]), [0, 1, 1, 0])).toBeCloseTo(Math.LN2, 15);
  });

  test("a confident wrong answer at z = ±1000 costs 1000, not Infinity; a confident right one costs 0", () => {
    expect(binaryCrossEntropy.forward(tensor([-1000]), [1])).toBe(1000);
    expect(binaryCrossEntropy.forward(tensor([1000]), [0])).toBe(1000);
    expect(binaryCrossEntropy.forward(tensor([1000, -1000]), [1, 0])).toBe(0);
  });

  test("∂L/∂z is (a − y)/N", () => {
    const gradZ = binaryCrossEntropy.backward(z, y);
    for (let i = 0; i < 6; i++) expect(gradZ.data[i]).toBeCloseTo((sigmoid(z.data[i]) - y[i]) / 6, 15);
  });

  test("backward matches central differences at every element, soft targets too", () => {
    expectGradientsClose((input: Tensor) => binaryCrossEntropy.forward(input, y), z, binaryCrossEntropy.backward(z, y));
    const soft = [0.1, 0.9, 0.5, 0.3, 0.7, 0.25];
    const report = expectGradientsClose((input: Tensor) => binaryCrossEntropy.forward(input, soft), z, binaryCrossEntropy.backward(z, soft));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("the gradient check catches a backward that forgot the 1/N", () => {
    const forgotMean = scale(binaryCrossEntropy.backward(z, y), 6);
    const report = checkGradient((input: Tensor) => binaryCrossEntropy.forward(input, y), z, forgotMean);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeCloseTo(5 / 6, 6); // |6n − n| / |6n|
  });

  test("rejects a target outside [0, 1], naming its index", () => {
    expect(() => binaryCrossEntropy.forward(tensor([0.5, 0.5]), [0, 2])).toThrow(
      /binaryCrossEntropy\.forward: y\[1\] is 2; expected a target in \[0, 1\]/,
    );
  });

  test("rejects z of shape [2, 1] and asks for [batch]", () => {
    expect(() => binaryCrossEntropy.backward(tensor([[1], [2]]), [0, 1])).toThrow(
      /binaryCrossEntropy\.backward: z is \[2, 1\]; expected a non-empty Tensor of shape \[batch\]/,
    );
  });
});
