import { describe, expect, test } from "vitest";
import { confusionCounts, confusionMatrix } from "./confusion.ts";

const labels = [0, 0, 1, 1, 1, 2, 2, 2];
const predictions = [0, 1, 1, 1, 2, 2, 2, 0];

describe("confusionCounts", () => {
  test("counts[true][predicted] over all pairs", () => {
    expect(confusionCounts(labels, predictions, 3)).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [1, 0, 2],
    ]);
  });

  test("accepts typed arrays, as argmax returns", () => {
    expect(confusionCounts(Int32Array.from([1, 0]), Int32Array.from([1, 1]), 2)).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });
});

describe("confusionMatrix", () => {
  test("shows counts, row totals, recall and accuracy, with zeros as dots", () => {
    expect(confusionMatrix(labels, predictions, { colors: false })).toBe(
      [
        "      predicted",
        "true  0  1  2  total  recall",
        "────────────────────────────",
        "0     1  1  ·      2   50.0%",
        "1     ·  2  1      3   66.7%",
        "2     1  ·  2      3   66.7%",
        "accuracy 5/8 = 62.5%",
      ].join("\n"),
    );
  });

  test("names the classes when given names", () => {
    const text = confusionMatrix([0, 1], [0, 1], { classes: ["cat", "dog"], colors: false });
    expect(text).toContain("true  cat  dog  total  recall");
    expect(text).toContain("dog     ·    1      1  100.0%");
  });

  test("a class that never occurs has no recall", () => {
    expect(confusionMatrix([0], [0], { classes: 2, colors: false })).toContain("1     ·  ·      0       —");
  });

  test("highlights the diagonal in green and mistakes in red when colour is on", () => {
    const text = confusionMatrix([0, 1], [0, 0], { colors: true });
    expect(text).toContain("\x1b[32m1\x1b[0m");
    expect(text).toContain("\x1b[31m1\x1b[0m");
  });

  test("prints no escape code when colour is off", () => {
    expect(confusionMatrix(labels, predictions, { colors: false })).not.toMatch(/\x1b/);
  });
});

describe("confusion errors", () => {
  test("reject labels and predictions of different lengths", () => {
    expect(() => confusionCounts([0, 1], [0], 2)).toThrow(/confusionCounts: 2 labels but 1 predictions/);
    expect(() => confusionMatrix([0, 1], [0])).toThrow(/confusionMatrix: 2 labels but 1 predictions/);
  });

  test("reject a class index out of range and say which", () => {
    expect(() => confusionCounts([0, 3], [0, 1], 3)).toThrow(/confusionCounts: label 1 is 3; expected a class index from 0 to 2/);
    expect(() => confusionMatrix([0, 1], [0, 2], { classes: ["a", "b"] })).toThrow(/confusionMatrix: prediction 1 is 2; expected a class index from 0 to 1/);
  });

  test("reject a class count that is not a positive integer", () => {
    expect(() => confusionCounts([0], [0], 0)).toThrow(/confusionCounts: classCount must be a positive integer; received 0/);
  });
});
