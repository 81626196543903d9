import { describe, expect, test } from "vitest";
import { tensor } from "@gradschool/tensor";
import { softmax } from "@gradschool/activations";
import { oneHot } from "@gradschool/datasets";
import { accuracy, binaryAccuracy, precisionRecall } from "./metrics.ts";

const logits = tensor([
  [2.0, -1.0, 0.5], // class 0
  [0.1, 0.3, 0.2], // class 1
  [-5.0, -4.0, 3.0], // class 2
  [1.0, 4.0, -2.0], // class 1
]);
const labels = Int32Array.from([0, 1, 1, 0]); // rows 0 and 1 right, rows 2 and 3 wrong

describe("accuracy", () => {
  test("is the fraction of rows whose argmax is the true class: 2 of 4 here", () => {
    expect(accuracy.compute(logits, labels)).toBe(0.5);
  });

  test("gives the same answer for logits and their softmax probabilities (softmax keeps the order)", () => {
    expect(accuracy.compute(softmax.forward(logits), labels)).toBe(accuracy.compute(logits, labels));
  });

  test("takes one-hot rows or a plain array of labels as well as an Int32Array", () => {
    expect(accuracy.compute(logits, oneHot(labels, 3))).toBe(0.5);
    expect(accuracy.compute(logits, [0, 1, 2, 1])).toBe(1);
  });

  test("breaks a tie towards the lower class, as numpy's argmax", () => {
    expect(accuracy.compute(tensor([[0.5, 0.5]]), [0])).toBe(1);
  });

  test("refuses a pred that is not [batch, classes] and a target of the wrong length, saying what it got", () => {
    expect(() => accuracy.compute(tensor([0.2, 0.9]), [0, 1])).toThrow("accuracy: pred is [2]; expected [batch, classes] scores (for one sigmoid output use binaryAccuracy)");
    expect(() => accuracy.compute(logits, [0, 1])).toThrow("accuracy: pred has 4 rows but the target has 2 values; expected 4 class indices");
    expect(() => accuracy.compute(logits, oneHot(labels, 4))).toThrow("accuracy: pred is [4, 3] but the target is [4, 4]; expected one-hot rows of the same shape or 4 class indices");
  });
});

describe("binaryAccuracy", () => {
  test("thresholds probabilities at 0.5: p ≥ 0.5 means class 1", () => {
    expect(binaryAccuracy.compute(tensor([[0.9], [0.5], [0.49], [0.1]]), [1, 1, 1, 1])).toBe(0.5);
    expect(binaryAccuracy.compute(tensor([0.9, 0.2]), tensor([1, 0]))).toBe(1);
  });
});

describe("precisionRecall", () => {
  // true   0 0 0 1 1 2      predicted 0 0 1 1 1 1
  //   counts[t][p]:  t=0: [2, 1, 0]   t=1: [0, 2, 0]   t=2: [0, 1, 0]
  const truth = [0, 0, 0, 1, 1, 2];
  const predicted = [0, 0, 1, 1, 1, 1];

  test("precision is per predicted column, recall per true row", () => {
    const { precision, recall, support } = precisionRecall(truth, predicted, 3);
    expect(precision.slice(0, 2)).toEqual([1, 2 / 4]); // class 1 was predicted 4 times, 2 of them right
    expect(recall).toEqual([2 / 3, 1, 0]); // class 2 was never found
    expect(support).toEqual([3, 2, 1]);
  });

  test("f1 is the harmonic mean of precision and recall", () => {
    const { f1 } = precisionRecall(truth, predicted, 3);
    expect(f1[0]).toBeCloseTo((2 * 1 * (2 / 3)) / (1 + 2 / 3), 15);
    expect(f1[1]).toBeCloseTo((2 * 0.5 * 1) / 1.5, 15);
  });

  test("a class never predicted has precision 0/0 = NaN, not 0", () => {
    const { precision, f1 } = precisionRecall(truth, predicted, 3);
    expect(precision[2]).toBeNaN();
    expect(f1[2]).toBeNaN();
  });

  test("refuses labels and predictions of different lengths", () => {
    expect(() => precisionRecall([0, 1], [0], 2)).toThrow("confusionCounts: 2 labels but 1 predictions; expected one prediction per label");
  });
});
