import { randn, rng, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { crossEntropy } from "./cross-entropy.ts";
import { expectLossGradient, probabilities, softmaxRows } from "./test-support.ts";

describe("crossEntropy", () => {
  const probs = tensor([
    [0.7, 0.2, 0.1],
    [0.1, 0.1, 0.8],
  ]);
  const oneHot = tensor([
    [1, 0, 0],
    [0, 0, 1],
  ]);

  test("is the mean over rows of −log(probability of the true class)", () => {
    expect(crossEntropy.forward(probs, oneHot)).toBeCloseTo(-(Math.log(0.7) + Math.log(0.8)) / 2, 15);
  });

  test("class indices, as a number[] or an Int32Array, give the same loss and gradient as one-hot rows", () => {
    const expected = crossEntropy.backward(probs, oneHot).data;
    expect(crossEntropy.forward(probs, [0, 2])).toBe(crossEntropy.forward(probs, oneHot));
    expect(crossEntropy.backward(probs, Int32Array.from([0, 2])).data).toEqual(expected);
  });

  test("the gradient is −y/(N p): only the true class gets a push", () => {
    expect(Array.from(crossEntropy.backward(probs, [0, 2]).data)).toEqual([-1 / 1.4, 0, 0, 0, 0, -1 / 1.6]);
  });

  test("backward matches central differences at every element, for one-hot and soft targets", () => {
    const pred = softmaxRows(randn([4, 5], rng(13)));
    expect(expectLossGradient(crossEntropy, pred, [4, 0, 2, 2]).maxRelError).toBeLessThan(1e-6);
    const soft = softmaxRows(randn([4, 5], rng(14)));
    expect(expectLossGradient(crossEntropy, pred, soft).maxRelError).toBeLessThan(1e-6);
    expect(expectLossGradient(crossEntropy, probabilities([3, 2], 15), [1, 0, 1]).maxRelError).toBeLessThan(1e-6);
  });

  test("a class with target 0 adds nothing, even where its probability is exactly 0 (0·log 0 = 0)", () => {
    const pred = tensor([[1, 0]]);
    expect(crossEntropy.forward(pred, [0])).toBe(0);
    expect(Array.from(crossEntropy.backward(pred, [0]).data)).toEqual([-1, 0]);
  });

  test("probability 0 on the true class is an infinite loss, reported as Infinity and −Infinity, not clamped", () => {
    const pred = tensor([[1, 0]]);
    expect(crossEntropy.forward(pred, [1])).toBe(Infinity);
    expect(crossEntropy.backward(pred, [1]).data[1]).toBe(-Infinity);
  });

  test("rejects a label out of range, naming the label and its row", () => {
    expect(() => crossEntropy.forward(probs, [0, 3])).toThrow(
      /crossEntropy\.forward: label 3 in row 1 is out of range; expected a class index in 0 … 2 \(pred has 3 classes\)/,
    );
    expect(() => crossEntropy.backward(probs, [0.5, 1])).toThrow(/label 0\.5 in row 0 is out of range/);
  });

  test("rejects a probability outside [0, 1], naming its value and index, and points to softmaxCrossEntropy", () => {
    expect(() => crossEntropy.forward(tensor([[0.5, 0.5], [2.5, -1.5]]), [0, 1])).toThrow(
      /crossEntropy\.forward: pred\[1, 0\] is 2\.5, outside \[0, 1\]; .* use softmaxCrossEntropy/,
    );
  });

  test("rejects mismatched shapes, naming both", () => {
    expect(() => crossEntropy.forward(probs, tensor([[1, 0], [0, 1]]))).toThrow(
      /crossEntropy\.forward: pred is \[2, 3\] but target is \[2, 2\]; expected one-hot rows \[2, 3\] or 2 class indices/,
    );
    expect(() => crossEntropy.forward(probs, [0, 1, 2])).toThrow(/pred has 2 rows but target has 3 labels/);
    expect(() => crossEntropy.forward(tensor([0.2, 0.8]), [1])).toThrow(
      /crossEntropy\.forward: pred is \[2\]; expected \[batch, classes\]/,
    );
  });

  test("rejects target rows that are not distributions, naming the row", () => {
    expect(() => crossEntropy.forward(probs, tensor([[1, 0, 0], [0, 1, 1]]))).toThrow(
      /crossEntropy\.forward: target row 1 sums to 2; expected each row to be a distribution/,
    );
  });

  test("rejects NaN probabilities", () => {
    expect(() => crossEntropy.backward(tensor([[NaN, 1]]), [0])).toThrow(/crossEntropy\.backward: pred\[0, 0\] is NaN/);
  });
});
