import { GradientCheckError, checkGradient } from "@gradschool/gradcheck";
import { type Tensor, add, randn, rng, scale, sub, sum, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { crossEntropy } from "./cross-entropy.ts";
import { softmaxCrossEntropy } from "./softmax-cross-entropy.ts";
import { expectLossGradient, softmaxRows } from "./test-support.ts";

describe("softmaxCrossEntropy", () => {
  const logits = randn([6, 4], rng(20), 2);
  const labels = Int32Array.from([3, 0, 1, 1, 2, 0]);
  const oneHot = tensor(Array.from(labels, (label) => [0, 1, 2, 3].map((j) => (j === label ? 1 : 0))));

  test("equals crossEntropy(softmax(z)) for moderate logits", () => {
    expect(softmaxCrossEntropy.forward(logits, labels)).toBeCloseTo(crossEntropy.forward(softmaxRows(logits), labels), 13);
  });

  test("its gradient is (softmax(z) − onehot) / N", () => {
    const expected = scale(sub(softmaxRows(logits), oneHot), 1 / 6);
    const fused = softmaxCrossEntropy.backward(logits, labels);
    fused.data.forEach((value, i) => expect(value).toBeCloseTo(expected.data[i], 15));
    expect(softmaxCrossEntropy.backward(logits, oneHot).data).toEqual(fused.data);
  });

  test("each row of the gradient sums to 0: softmax and onehot both sum to 1", () => {
    const rowSums = sum(softmaxCrossEntropy.backward(logits, labels), 1);
    for (const value of rowSums.data) expect(Math.abs(value)).toBeLessThan(1e-15);
  });

  test("adding a constant to a row of logits changes nothing", () => {
    const shifted = add(logits, tensor([[5], [-3], [100], [0], [-50], [7]]));
    expect(softmaxCrossEntropy.forward(shifted, labels)).toBeCloseTo(softmaxCrossEntropy.forward(logits, labels), 12);
  });

  test("backward matches central differences at every element, for class indices and soft labels", () => {
    expect(expectLossGradient(softmaxCrossEntropy, logits, labels).maxRelError).toBeLessThan(1e-6);
    const soft = softmaxRows(randn([6, 4], rng(21)));
    expect(expectLossGradient(softmaxCrossEntropy, logits, soft).maxRelError).toBeLessThan(1e-6);
  });

  test("stays finite at logits ±1000: a confidently wrong pair costs 2000, with gradient [1, −1]", () => {
    const z = tensor([[1000, -1000]]);
    expect(softmaxCrossEntropy.forward(z, [1])).toBe(2000);
    expect(Array.from(softmaxCrossEntropy.backward(z, [1]).data)).toEqual([1, -1]);
    expect(softmaxCrossEntropy.forward(z, [0])).toBe(0);
    expect(Array.from(softmaxCrossEntropy.backward(z, [0]).data)).toEqual([0, 0]);
    const batch = tensor([
      [1000, -1000, 0],
      [-1000, 1000, 1000],
    ]);
    expect(softmaxCrossEntropy.forward(batch, [1, 0])).toBeCloseTo((2000 + 2000 + Math.log(2)) / 2, 10);
    for (const value of softmaxCrossEntropy.backward(batch, [1, 0]).data) expect(Number.isFinite(value)).toBe(true);
  });

  test("the gradient check catches a backward that forgets to divide by N", () => {
    const summed = scale(softmaxCrossEntropy.backward(logits, labels), 6);
    const report = checkGradient((z: Tensor) => softmaxCrossEntropy.forward(z, labels), logits, summed);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeCloseTo(5 / 6, 6);
    expect(() => expectLossGradient({ ...softmaxCrossEntropy, backward: () => summed }, logits, labels)).toThrow(
      GradientCheckError,
    );
  });

  test("the gradient check catches softmax alone, without subtracting the one-hot", () => {
    const withoutTarget = scale(softmaxRows(logits), 1 / 6);
    expect(checkGradient((z: Tensor) => softmaxCrossEntropy.forward(z, labels), logits, withoutTarget).ok).toBe(false);
  });

  test("rejects a label out of range, naming the label and its row", () => {
    expect(() => softmaxCrossEntropy.forward(logits, [3, 0, 1, 4, 2, 0])).toThrow(
      /softmaxCrossEntropy\.forward: label 4 in row 3 is out of range; expected a class index in 0 … 3 \(pred has 4 classes\)/,
    );
    expect(() => softmaxCrossEntropy.backward(logits, [3, 0, 1, 1, 2, -1])).toThrow(/label -1 in row 5 is out of range/);
  });

  test("rejects mismatched shapes, naming both", () => {
    expect(() => softmaxCrossEntropy.forward(logits, tensor([[1, 0, 0, 0]]))).toThrow(
      /softmaxCrossEntropy\.forward: pred is \[6, 4\] but target is \[1, 4\]/,
    );
    expect(() => softmaxCrossEntropy.backward(logits, [0, 1])).toThrow(
      /softmaxCrossEntropy\.backward: pred has 6 rows but target has 2 labels/,
    );
  });

  test("rejects NaN logits, naming where they are", () => {
    expect(() => softmaxCrossEntropy.forward(tensor([[0, 1], [2, NaN]]), [0, 1])).toThrow(
      /softmaxCrossEntropy\.forward: pred\[1, 1\] is NaN; expected finite numbers/,
    );
  });

  test("rejects a target that is neither a tensor nor labels", () => {
    expect(() => softmaxCrossEntropy.forward(logits, "cat" as unknown as number[])).toThrow(
      /softmaxCrossEntropy\.forward: target must be a Tensor or an array of labels; received string cat/,
    );
  });
});
