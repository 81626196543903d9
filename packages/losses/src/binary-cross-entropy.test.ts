import { tensor, zipMap } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { BCE_EPSILON, binaryCrossEntropy } from "./binary-cross-entropy.ts";
import { expectLossGradient, probabilities } from "./test-support.ts";

describe("binaryCrossEntropy", () => {
  test("is −log of the probability given to what happened: p = 0.9 for a 1 costs 0.1054, for a 0 costs 2.3026", () => {
    expect(binaryCrossEntropy.forward(tensor([0.9]), tensor([1]))).toBeCloseTo(-Math.log(0.9), 14);
    expect(binaryCrossEntropy.forward(tensor([0.9]), tensor([0]))).toBeCloseTo(-Math.log(0.1), 14);
  });

  test("averages over every element", () => {
    const loss = binaryCrossEntropy.forward(tensor([0.9, 0.2, 0.6]), tensor([1, 0, 0]));
    expect(loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3, 14);
  });

  test("the gradient is (p − y) / (p(1 − p)) / n", () => {
    const grad = binaryCrossEntropy.backward(tensor([0.9, 0.2]), tensor([1, 0]));
    expect(grad.data[0]).toBeCloseTo(-0.1 / (0.9 * 0.1) / 2, 14);
    expect(grad.data[1]).toBeCloseTo(0.2 / (0.2 * 0.8) / 2, 14);
  });

  test("0/1 labels as an Int32Array give the same loss and gradient as a label tensor", () => {
    const pred = tensor([[0.3], [0.8], [0.5]]);
    const labels = Int32Array.from([0, 1, 1]);
    const asTensor = tensor([[0], [1], [1]]);
    expect(binaryCrossEntropy.forward(pred, labels)).toBe(binaryCrossEntropy.forward(pred, asTensor));
    expect(binaryCrossEntropy.backward(pred, [0, 1, 1]).data).toEqual(binaryCrossEntropy.backward(pred, asTensor).data);
  });

  test("backward matches central differences at every element, for 0/1 and soft labels", () => {
    const pred = probabilities([4, 3], 7);
    const hardLabels = zipMap(probabilities([4, 3], 8), pred, (u) => (u < 0.5 ? 0 : 1));
    expect(expectLossGradient(binaryCrossEntropy, pred, hardLabels).maxRelError).toBeLessThan(1e-6);
    expect(expectLossGradient(binaryCrossEntropy, pred, probabilities([4, 3], 9, 0, 1)).maxRelError).toBeLessThan(1e-6);
  });

  test(`clamps p to [${BCE_EPSILON}, 1 − ${BCE_EPSILON}]: p = 0 for a 1 costs −log(1e-7) ≈ 16.12, not Infinity`, () => {
    expect(BCE_EPSILON).toBe(1e-7);
    expect(binaryCrossEntropy.forward(tensor([0]), tensor([1]))).toBeCloseTo(16.118095651, 8);
    expect(binaryCrossEntropy.forward(tensor([1]), tensor([0]))).toBeCloseTo(16.118095651, 6);
    expect(binaryCrossEntropy.forward(tensor([1, 0]), tensor([1, 0]))).toBeCloseTo(1e-7, 12);
  });

  test("where p was clamped the loss is flat, so the gradient there is exactly 0", () => {
    const grad = binaryCrossEntropy.backward(tensor([0, 1, 1e-9, 1e-3]), tensor([1, 0, 1, 1]));
    expect(Array.from(grad.data.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(grad.data[3]).toBeCloseTo(-1 / 1e-3 / 4, 8); // inside the clamp: the usual −1/(p·n) for y = 1
  });

  test("rejects a probability outside [0, 1], naming its value and index, and points to bceWithLogits", () => {
    expect(() => binaryCrossEntropy.forward(tensor([[0.5], [1.5]]), tensor([[1], [0]]))).toThrow(
      /binaryCrossEntropy\.forward: pred\[1, 0\] is 1\.5, outside \[0, 1\]; expected probabilities — for logits .* use bceWithLogits/,
    );
  });

  test("rejects a label that is not 0 or 1, naming the label and its row", () => {
    expect(() => binaryCrossEntropy.backward(tensor([0.5, 0.5, 0.5]), [0, 1, 2])).toThrow(
      /binaryCrossEntropy\.backward: label 2 in row 2 is out of range; expected 0 or 1/,
    );
    expect(() => binaryCrossEntropy.forward(tensor([0.5, 0.5]), tensor([0.5, -1]))).toThrow(
      /target\[1\] is -1, outside \[0, 1\]/,
    );
  });

  test("rejects labels for a pred with several outputs per row, and a label count that does not match", () => {
    expect(() => binaryCrossEntropy.forward(tensor([[0.5, 0.5]]), [1])).toThrow(
      /pred is \[1, 2\] and target is an array of length 1; 0\/1 labels fit a \[N\] or \[N, 1\] pred/,
    );
    expect(() => binaryCrossEntropy.forward(tensor([0.5, 0.5]), [1, 0, 1])).toThrow(
      /pred is \[2\] but target has 3 labels; expected one label per row/,
    );
  });

  test("rejects a NaN probability", () => {
    expect(() => binaryCrossEntropy.forward(tensor([0.5, NaN]), tensor([1, 0]))).toThrow(
      /binaryCrossEntropy\.forward: pred\[1\] is NaN/,
    );
  });
});
